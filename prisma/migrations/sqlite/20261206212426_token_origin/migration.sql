-- AlterTable (ADD COLUMN rather than Prisma's table copy: the tokens table is the largest)
ALTER TABLE "tokens" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'token_endpoint';
ALTER TABLE "tokens" ADD COLUMN "note" TEXT;

-- Backfill: a token generated before this migration is named, with its note, by its
-- token.generated/regenerated audit row (the CLI's rows have the actor "cli"); every other token
-- was requested at the token endpoint, the default.
UPDATE "tokens" SET
  "source" = CASE WHEN e."actor" = 'cli' THEN 'cli' ELSE 'browser' END,
  "note" = json_extract(e."detail", '$.note')
FROM "audit_events" e
WHERE e."action" IN ('token.generated', 'token.regenerated')
  AND "tokens"."id" = CASE WHEN json_valid(e."detail") THEN json_extract(e."detail", '$.tokenId') END;
