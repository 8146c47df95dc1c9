-- AlterTable
ALTER TABLE "apps" ADD COLUMN     "access_token_ttl" INTEGER,
ADD COLUMN     "refresh_token_ttl" INTEGER;

-- CreateTable
CREATE TABLE "purge_runs" (
    "id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "deleted_tokens" INTEGER NOT NULL,
    "deleted_events" INTEGER NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "trigger" TEXT NOT NULL,

    CONSTRAINT "purge_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "purge_runs_started_at_idx" ON "purge_runs"("started_at");

-- CreateIndex
CREATE INDEX "tokens_revoked_at_idx" ON "tokens"("revoked_at");

-- CreateIndex
CREATE INDEX "tokens_created_at_idx" ON "tokens"("created_at");
