-- AlterTable
ALTER TABLE "tokens" ADD COLUMN     "note" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'token_endpoint';

-- Backfill: a token generated before this migration is named, with its note, by its
-- token.generated/regenerated audit row (the CLI's rows have the actor "cli"); every other token
-- was requested at the token endpoint, the default.
UPDATE "tokens" t SET
  "source" = CASE WHEN e."actor" = 'cli' THEN 'cli' ELSE 'browser' END,
  "note" = e."detail"::jsonb ->> 'note'
FROM "audit_events" e
WHERE e."action" IN ('token.generated', 'token.regenerated')
  AND t."id" = CASE WHEN e."action" IN ('token.generated', 'token.regenerated') THEN e."detail"::jsonb ->> 'tokenId' END;
