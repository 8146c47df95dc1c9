-- AlterTable
ALTER TABLE "apps" ADD COLUMN     "allowed_scopes" TEXT,
ADD COLUMN     "grant_types" TEXT NOT NULL DEFAULT 'client_credentials',
ADD COLUMN     "public_client" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "tokens" ADD COLUMN     "issued_from" TEXT,
ADD COLUMN     "user_id" TEXT;

-- CreateTable
CREATE TABLE "authorization_codes" (
    "hash" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "code_challenge" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "grant_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "authorization_codes_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "grants" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scopes" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scopes_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "authorization_codes_expires_at_idx" ON "authorization_codes"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "grants_user_id_client_id_key" ON "grants"("user_id", "client_id");

-- CreateIndex
CREATE INDEX "tokens_user_id_client_id_idx" ON "tokens"("user_id", "client_id");

-- CreateIndex
CREATE INDEX "tokens_issued_from_idx" ON "tokens"("issued_from");
