-- AlterTable
ALTER TABLE "gateways" ADD COLUMN "canary_url" TEXT;

-- CreateTable
CREATE TABLE "canary_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gateway_id" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "admitted_status" INTEGER,
    "refused_status" INTEGER,
    "refusal_ms" INTEGER,
    "acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "detail" TEXT,
    "trigger" TEXT NOT NULL,
    CONSTRAINT "canary_runs_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateways" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "canary_runs_gateway_id_started_at_idx" ON "canary_runs"("gateway_id", "started_at");

-- CreateIndex
CREATE INDEX "canary_runs_started_at_idx" ON "canary_runs"("started_at");
