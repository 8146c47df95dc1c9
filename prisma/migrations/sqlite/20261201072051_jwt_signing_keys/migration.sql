-- AlterTable
ALTER TABLE "apis" ADD COLUMN "backend_jwt" BOOLEAN;

-- CreateTable
CREATE TABLE "signing_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL,
    "alg" TEXT NOT NULL,
    "public_jwk" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activates_at" DATETIME NOT NULL,
    "expires_at" DATETIME
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
    "token_format" TEXT NOT NULL DEFAULT 'opaque',
    CONSTRAINT "apps_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_apps" ("access_token_ttl", "allowed_scopes", "created_at", "deleted_at", "description", "grant_types", "id", "name", "owner_id", "public_client", "redirect_uris", "refresh_token_ttl", "updated_at") SELECT "access_token_ttl", "allowed_scopes", "created_at", "deleted_at", "description", "grant_types", "id", "name", "owner_id", "public_client", "redirect_uris", "refresh_token_ttl", "updated_at" FROM "apps";
DROP TABLE "apps";
ALTER TABLE "new_apps" RENAME TO "apps";
CREATE INDEX "apps_owner_id_deleted_at_idx" ON "apps"("owner_id", "deleted_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "signing_keys_generation_key" ON "signing_keys"("generation");
