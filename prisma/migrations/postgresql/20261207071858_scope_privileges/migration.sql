-- AlterTable
ALTER TABLE "scopes" ADD COLUMN     "privileged" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "app_scopes" (
    "app_id" TEXT NOT NULL,
    "scope_name" TEXT NOT NULL,
    "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_scopes_pkey" PRIMARY KEY ("app_id","scope_name")
);

-- AddForeignKey
ALTER TABLE "app_scopes" ADD CONSTRAINT "app_scopes_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "apps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_scopes" ADD CONSTRAINT "app_scopes_scope_name_fkey" FOREIGN KEY ("scope_name") REFERENCES "scopes"("name") ON DELETE RESTRICT ON UPDATE CASCADE;
