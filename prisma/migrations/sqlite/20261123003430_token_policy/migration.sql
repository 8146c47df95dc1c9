-- AlterTable
ALTER TABLE "apps" ADD COLUMN "access_token_ttl" INTEGER;
ALTER TABLE "apps" ADD COLUMN "refresh_token_ttl" INTEGER;

-- CreateTable
CREATE TABLE "purge_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "started_at" DATETIME NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "deleted_tokens" INTEGER NOT NULL,
    "deleted_events" INTEGER NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "trigger" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "purge_runs_started_at_idx" ON "purge_runs"("started_at");

-- CreateIndex
CREATE INDEX "tokens_revoked_at_idx" ON "tokens"("revoked_at");

-- CreateIndex
CREATE INDEX "tokens_created_at_idx" ON "tokens"("created_at");
