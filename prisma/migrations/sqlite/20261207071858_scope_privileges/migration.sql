-- CreateTable
CREATE TABLE "app_scopes" (
    "app_id" TEXT NOT NULL,
    "scope_name" TEXT NOT NULL,
    "granted_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("app_id", "scope_name"),
    CONSTRAINT "app_scopes_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "apps" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "app_scopes_scope_name_fkey" FOREIGN KEY ("scope_name") REFERENCES "scopes" ("name") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_scopes" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL,
    "privileged" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_scopes" ("created_at", "description", "name") SELECT "created_at", "description", "name" FROM "scopes";
DROP TABLE "scopes";
ALTER TABLE "new_scopes" RENAME TO "scopes";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
