-- DropIndex
DROP INDEX "tokens_revoked_at_idx";

-- Only revoked tokens (the purge's and the activity chart's range scans). A full index on revoked_at made
-- PostgreSQL, without fresh statistics, plan every revocation (revoked_at IS NULL AND grant_id = ?) as a
-- BitmapAnd of both indexes: 11 ms instead of 0.3. Written by hand: Prisma's schema cannot express it.
CREATE INDEX "tokens_revoked_at_partial_idx" ON "tokens"("revoked_at") WHERE "revoked_at" IS NOT NULL;
