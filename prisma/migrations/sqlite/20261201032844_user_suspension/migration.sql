-- AlterTable
ALTER TABLE "users" ADD COLUMN "suspended_at" DATETIME;
