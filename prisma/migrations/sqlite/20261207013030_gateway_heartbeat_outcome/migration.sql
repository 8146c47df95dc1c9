-- AlterTable
ALTER TABLE "gateways" ADD COLUMN "enabled_at" DATETIME;
ALTER TABLE "gateways" ADD COLUMN "heartbeat_acked_at" DATETIME;
ALTER TABLE "gateways" ADD COLUMN "heartbeat_error" TEXT;
ALTER TABLE "gateways" ADD COLUMN "heartbeat_unanswered_since" DATETIME;
