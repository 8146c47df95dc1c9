-- AlterTable
ALTER TABLE "client_secrets" ADD COLUMN     "last_used_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "tokens" ADD COLUMN     "last_used_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "introspection_counts" (
    "day" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "introspection_counts_pkey" PRIMARY KEY ("day","client_id")
);

-- CreateIndex
CREATE INDEX "client_secrets_secret_hash_idx" ON "client_secrets"("secret_hash");
