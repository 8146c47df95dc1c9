-- AlterTable
ALTER TABLE "tokens" ADD COLUMN "revocation_seq" INTEGER;

-- CreateTable
CREATE TABLE "gateways" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'production',
    "revoke_url" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "signing_secret" TEXT NOT NULL,
    "previous_signing_secret" TEXT,
    "previous_secret_expires_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" DATETIME,
    CONSTRAINT "gateways_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "revocation_events" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tokens" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "deliveries" (
    "event_sequence" INTEGER NOT NULL,
    "gateway_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" DATETIME NOT NULL,
    "give_up_at" DATETIME NOT NULL,
    "lease_until" DATETIME,
    "last_status" INTEGER,
    "last_error" TEXT,
    "last_attempt_at" DATETIME,
    "delivered_at" DATETIME,
    "created_at" DATETIME NOT NULL,

    PRIMARY KEY ("event_sequence", "gateway_id"),
    CONSTRAINT "deliveries_event_sequence_fkey" FOREIGN KEY ("event_sequence") REFERENCES "revocation_events" ("sequence") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "deliveries_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateways" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "gateways_name_key" ON "gateways"("name");

-- CreateIndex
CREATE UNIQUE INDEX "gateways_client_id_key" ON "gateways"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "revocation_events_id_key" ON "revocation_events"("id");

-- CreateIndex
CREATE INDEX "revocation_events_expires_at_idx" ON "revocation_events"("expires_at");

-- CreateIndex
CREATE INDEX "deliveries_status_next_attempt_at_idx" ON "deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "deliveries_gateway_id_status_idx" ON "deliveries"("gateway_id", "status");
