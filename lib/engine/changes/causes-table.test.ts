import { describeEvent } from "@/components/audit/describe-event";
import { db } from "@/lib/data/db/client";
import { createTestApp, TEST_OPERATOR } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { reapproveToken } from "@/lib/tokens/reapprove-token";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { causeLabel, causeRow, REVOCATION_EVENT, TOKEN_CHANGE_CAUSES, type TokenChangeCause } from "./causes.shared";
import { EFFECTS } from "./effects";

const CAUSES = Object.keys(TOKEN_CHANGE_CAUSES) as TokenChangeCause[];

describe("the table of causes", () => {
  it.each(CAUSES)("%s: its verbs exist and commit it by name", (cause) => {
    const { verbs } = causeRow(cause);
    expect(verbs.length).toBeGreaterThan(0);
    for (const verb of verbs) {
      expect(existsSync(verb), verb).toBe(true);
      const source = readFileSync(verb, "utf8");
      expect(source, verb).toContain(`"${cause}"`);
      expect(source, verb).toContain("commitTokenChange(");
    }
  });

  it.each(CAUSES)("%s: has a label for the tokens list and the audit trail", (cause) => {
    expect(causeLabel(cause)).toBe(causeRow(cause).label);
    expect(describeEvent({ action: REVOCATION_EVENT.action, detail: { reason: cause, count: 2 } }).note).toBe(
      `2 tokens ${causeRow(cause).label}`,
    );
  });

  it("gives every cause with an effect in its row exactly one effect, in the file its row names", () => {
    const withEffect = CAUSES.filter((c) => causeRow(c).effect !== undefined);
    expect(Object.keys(EFFECTS).sort()).toEqual(withEffect.sort());
    for (const cause of withEffect) {
      const file = causeRow(cause).effect!;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8"), file).toContain(`export const ${EFFECTS[cause as keyof typeof EFFECTS].name}`);
    }
  });

  it("titles each cause's own audit event in the trail, one title per action", () => {
    const titles = new Map<string, string>();
    for (const cause of CAUSES) {
      const event = causeRow(cause).event;
      if (!event) continue;
      expect(titles.get(event.action) ?? event.title, event.action).toBe(event.title);
      titles.set(event.action, event.title);
      expect(describeEvent({ action: event.action, detail: {} }).title).toBe(event.title);
    }
    expect(describeEvent({ action: REVOCATION_EVENT.action, detail: {} }).title).toBe(REVOCATION_EVENT.title);
  });

  it("audits revocations only for causes that revoke, and lets a cause evict a client only through an effect naming it", () => {
    for (const cause of CAUSES) {
      const row = causeRow(cause);
      if (row.auditsRevocation) expect(row.change, cause).toBe("revoke");
      if (row.alsoEvicts) expect(row.effect, cause).toBeDefined();
    }
  });
});

describe("re-approval follows each row's reapprovable column", () => {
  it.each(CAUSES.filter((c) => causeRow(c).change === "revoke"))("%s", async (cause) => {
    const app = await createTestApp();
    const t = await issueToken({ clientId: app.clientId, subscriber: null });
    await db.token.update({ where: { id: t.tokenId }, data: { revokedAt: new Date(), revokedReason: cause } });

    const { changed } = await reapproveToken({ tokenId: t.tokenId, cascade: false, actor: TEST_OPERATOR });
    expect(changed.map((c) => c.id)).toEqual(causeRow(cause).reapprovable ? [t.tokenId] : []);
    const row = await db.token.findUniqueOrThrow({ where: { id: t.tokenId } });
    expect(row.revokedAt === null).toBe(causeRow(cause).reapprovable);
  });
});
