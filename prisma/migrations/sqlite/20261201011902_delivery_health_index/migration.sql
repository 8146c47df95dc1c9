-- CreateIndex
CREATE INDEX "deliveries_gateway_id_delivered_at_idx" ON "deliveries"("gateway_id", "delivered_at");
