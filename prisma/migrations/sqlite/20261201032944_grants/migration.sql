-- AlterTable
ALTER TABLE "tokens" ADD COLUMN "issued_from" TEXT;
ALTER TABLE "tokens" ADD COLUMN "user_id" TEXT;

-- CreateTable
CREATE TABLE "authorization_codes" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "client_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "code_challenge" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "grant_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME
);

-- CreateTable
CREATE TABLE "grants" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "scopes" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_apps" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "redirect_uris" TEXT NOT NULL DEFAULT '[]',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    "deleted_at" DATETIME,
    "access_token_ttl" INTEGER,
    "refresh_token_ttl" INTEGER,
    "public_client" BOOLEAN NOT NULL DEFAULT false,
    "grant_types" TEXT NOT NULL DEFAULT 'client_credentials',
    "allowed_scopes" TEXT,
    CONSTRAINT "apps_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_apps" ("access_token_ttl", "created_at", "deleted_at", "description", "id", "name", "owner_id", "redirect_uris", "refresh_token_ttl", "updated_at") SELECT "access_token_ttl", "created_at", "deleted_at", "description", "id", "name", "owner_id", "redirect_uris", "refresh_token_ttl", "updated_at" FROM "apps";
DROP TABLE "apps";
ALTER TABLE "new_apps" RENAME TO "apps";
CREATE INDEX "apps_owner_id_deleted_at_idx" ON "apps"("owner_id", "deleted_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "authorization_codes_expires_at_idx" ON "authorization_codes"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "grants_user_id_client_id_key" ON "grants"("user_id", "client_id");

-- CreateIndex
CREATE INDEX "tokens_user_id_client_id_idx" ON "tokens"("user_id", "client_id");

-- CreateIndex
CREATE INDEX "tokens_issued_from_idx" ON "tokens"("issued_from");
