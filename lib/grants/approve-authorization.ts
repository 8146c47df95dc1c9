import { hashToken, randomSecret } from "@/lib/base/hash-token";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Person } from "@/lib/engine/identity/actor.shared";
import { randomUUID } from "node:crypto";
import { clientRedirect, type AuthorizationRequest } from "./authorization-request";

export const CODE_TTL_MS = 60_000; // RFC 6749 §4.1.2: short-lived; a minute is plenty for a redirect
const CODE_PREFIX = "pcl_ac_";

type DecideOptions = { request: AuthorizationRequest; actor: Person; now?: number };

/**
 * The person approved: their consent is remembered (one grant per person and application), and
 * a single-use code, stored hashed, goes back to the client with `state` and `iss`.
 */
export async function approveAuthorization({ request, actor, now = Date.now() }: DecideOptions): Promise<string> {
  const code = randomSecret(CODE_PREFIX);
  const scope = request.scope.join(" ");
  await db.$transaction(async (tx) => {
    await tx.authorizationCode.create({
      data: {
        hash: hashToken(code),
        clientId: request.clientId,
        userId: actor.id,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scope,
        grantId: randomUUID(),
        createdAt: new Date(now),
        expiresAt: new Date(now + CODE_TTL_MS),
      },
    });
    const key = { userId_clientId: { userId: actor.id, clientId: request.clientId } };
    const existing = await tx.grant.findUnique({ where: key, select: { scope: true } });
    const merged = [...new Set([...(existing?.scope.split(" ").filter(Boolean) ?? []), ...request.scope])].join(" ");
    await tx.grant.upsert({ where: key, create: { userId: actor.id, clientId: request.clientId, scope }, update: { scope: merged } });
    const client = await tx.client.findUniqueOrThrow({ where: { id: request.clientId }, select: { appId: true } });
    if (!existing) {
      const event = { appId: client.appId, actor, action: "grant.approved" as const, detail: { scope } };
      await recordAuditEvent(event, tx);
    }
  });

  return clientRedirect(request.redirectUri, request.state, { code });
}

/** The person said no: RFC 6749 §4.1.2.1 access_denied, back to the client. */
export const denyAuthorization = (request: AuthorizationRequest) =>
  clientRedirect(request.redirectUri, request.state, { error: "access_denied", error_description: "the person denied the request" });
