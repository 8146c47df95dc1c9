import { updateTokenFormatSchema, type TokenFormat } from "@/lib/base/token-format.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { APP_SUMMARY_SELECT, toAppSummary } from "./app-summary";
import { getAppOrThrow } from "./get-app-or-throw";
import type { AppSummary } from "./schemas.shared";

type SetTokenFormatOptions = { appId: string; tokenFormat: TokenFormat; actor: Actor };

/**
 * Opaque or RFC 9068 JWT access tokens from the next issuance on; tokens already issued keep their
 * form. The owner chooses, and an admin or the operator may for any application. Audited.
 */
export async function setTokenFormat({ appId, actor, ...input }: SetTokenFormatOptions): Promise<AppSummary> {
  const { tokenFormat } = updateTokenFormatSchema.parse(input);
  const before = await getAppOrThrow({ appId, actor, may: "apps.set_token_format" });
  if (before.tokenFormat === tokenFormat) return before;

  return db.$transaction(async (tx) => {
    const app = await tx.app.update({ where: { id: appId }, data: { tokenFormat }, select: APP_SUMMARY_SELECT });
    const detail = { from: before.tokenFormat, to: tokenFormat };
    await recordAuditEvent({ appId, actor, action: "app.token_format_changed", detail }, tx);

    return toAppSummary(app);
  });
}
