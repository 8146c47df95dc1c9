-- AlterTable
ALTER TABLE "gateways" ADD COLUMN     "enabled_at" TIMESTAMP(3),
ADD COLUMN     "heartbeat_acked_at" TIMESTAMP(3),
ADD COLUMN     "heartbeat_error" TEXT,
ADD COLUMN     "heartbeat_unanswered_since" TIMESTAMP(3);
