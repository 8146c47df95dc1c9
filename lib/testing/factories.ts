import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { createApi } from "@/lib/apis/create-api";
import { createTier } from "@/lib/apis/create-tier";
import { createApp } from "@/lib/apps/create-app";
import type { GrantType } from "@/lib/base/grant-types.shared";
import { db } from "@/lib/data/db/client";
import type { Endpoint } from "@/lib/doors/oauth/http-adapter";
import { introspectEndpoint } from "@/lib/doors/oauth/introspect";
import { metadataEndpoint } from "@/lib/doors/oauth/metadata";
import { revocationsEndpoint } from "@/lib/doors/oauth/revocations";
import { revokeEndpoint } from "@/lib/doors/oauth/revoke";
import { tokenEndpoint } from "@/lib/doors/oauth/token";
import type { CauseWith, TokenChangeCause } from "@/lib/engine/changes/causes.shared";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import type { TokenSelector } from "@/lib/engine/changes/token-statements";
import { createClient } from "@/lib/engine/credentials/create-client";
import { operatorActor, personActor, type Person } from "@/lib/engine/identity/actor.shared";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { createGateway } from "@/lib/gateways/create-gateway";
import { approveAuthorization } from "@/lib/grants/approve-authorization";
import { readAuthorizationRequest } from "@/lib/grants/authorization-request";
import { webHandler } from "@/lib/testing/web-handler";
import type { Role } from "@/lib/users/schemas.shared";
import { execFile } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";

// The one place tests build what they need, on the real test database.

/** A user row, as the person acting (what withSession gives a route); the password hash is never checked by these tests. */
export async function makeUser(role: Role = "subscriber"): Promise<Person> {
  const email = `${role}-${randomUUID().slice(0, 8)}@vitest.test`;
  const user = await db.user.create({ data: { email, passwordHash: "unused", role } });

  return personActor({ id: user.id, email: user.email, role });
}

/** A subscriber with one application and its client credentials (or a bare gateway client). */
export async function createTestApp({ kind = "app" as "app" | "gateway" } = {}) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.local`, passwordHash: "not-a-real-hash" } });
  if (kind === "gateway") return { user, app: null, ...(await createClient({ kind: "gateway" })) };
  const app = await db.app.create({ data: { ownerId: user.id, name: `app ${randomUUID().slice(0, 8)}` } });

  return { user, app, ...(await createClient({ appId: app.id })) };
}

/** Puts scopes in the admin's catalog (shared by every test file: open names may be reused, privileged ones should be unique). */
export async function defineTestScopes(names: string[], { privileged = false } = {}) {
  for (const name of names)
    await db.scope
      .upsert({ where: { name }, create: { name, description: `${name} (test)`, privileged }, update: {} })
      .catch((err: { code?: string }) => {
        if (err.code !== "P2002") throw err; // another file defined it at the same moment
      });
}

export const TEST_ADMIN = personActor({ id: "admin-under-test", email: "admin@test.local", role: "admin" });
/** The operator at the command line, as tests act without a person. */
export const TEST_OPERATOR = operatorActor("vitest");

/** A registered gateway pointing at `revokeUrl`, with its one-time credentials. */
export const createTestGateway = (revokeUrl: string) =>
  createGateway({ actor: TEST_ADMIN, name: `gw-${randomUUID().slice(0, 8)}`, revokeUrl });

/**
 * Makes one delivery due now, as if its backoff and any lease had run out, leaving other test files'
 * deliveries (the database is shared) as they are.
 */
export const makeDeliveryDue = (gatewayId: string, eventSequence: number) =>
  db.delivery.update({
    where: { eventSequence_gatewayId: { eventSequence, gatewayId } },
    data: { nextAttemptAt: new Date(Date.now() - 1_000), leaseUntil: null },
  });

/** Revokes as a door would: commits the change, then sends its notices' first attempts (awaited). Returns the revoked tokens. */
export async function revokeForTest({
  selector,
  cause = "cli",
  now,
}: {
  selector: TokenSelector;
  cause?: CauseWith<{ change: "revoke"; effect?: undefined; event?: undefined }>;
  now?: number;
}) {
  const { changed, notices } = await commitTokenChange({
    cause,
    tokens: { revoke: selector },
    by: "test",
    actor: TEST_OPERATOR,
    now,
  });
  await flushNotices(notices);

  return changed;
}

// The key manager's endpoints as web handlers, flushing notices as the App Router door does.
const handler = (endpoint: Endpoint) => webHandler(endpoint, (notices) => void flushNotices(notices));
export const oauth = {
  token: handler(tokenEndpoint),
  revoke: handler(revokeEndpoint),
  introspect: handler(introspectEndpoint),
  revocations: handler(revocationsEndpoint),
  metadata: handler(metadataEndpoint),
};

type FormOptions = { basic?: [string, string]; headers?: Record<string, string>; body?: string };

/** A form-encoded POST as an OAuth client sends it; `basic` adds client_secret_basic (RFC 6749 §2.3.1 encoding). */
export function formRequest(path: string, params: Record<string, string>, { basic, headers = {}, body }: FormOptions = {}) {
  const auth: Record<string, string> = basic
    ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString("base64")}` }
    : {};

  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...auth, ...headers },
    body: body ?? new URLSearchParams(params).toString(),
  });
}

const basicAuth = (clientId: string, secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
const form = (clientId: string, secret: string, body: Record<string, string>) =>
  ({
    method: "POST",
    headers: { authorization: basicAuth(clientId, secret), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
  }) satisfies RequestInit;

/** POST /oauth2/token (client_credentials) through the key manager's real endpoint function. */
export async function requestToken(clientId: string, secret: string) {
  const res = await oauth.token(new Request("http://localhost/oauth2/token", form(clientId, secret, { grant_type: "client_credentials" })));

  return { status: res.status, body: (await res.json()) as { access_token?: string; error?: string } };
}

/** POST /oauth2/introspect as the application's own client. */
export async function introspectAs(clientId: string, secret: string, accessToken: string) {
  const res = await oauth.introspect(new Request("http://localhost/oauth2/introspect", form(clientId, secret, { token: accessToken })));

  return (await res.json()) as { active: boolean; client_id?: string };
}

/** Runs lib/testing/commit-and-exit.ts: one cause committed by its real verb in a process that exits at once. Returns the queued events. */
export async function commitInDyingProcess(cause: TokenChangeCause, args: Record<string, unknown>): Promise<number[]> {
  const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["lib/testing/commit-and-exit.ts", cause, JSON.stringify(args)], {
    env: process.env,
  });

  return (JSON.parse(stdout) as { sequences: number[] }).sequences;
}

type PersonAppOptions = { publicClient?: boolean; grantTypes?: GrantType[]; verified?: boolean };

/**
 * An application that people authorize (authorization code + PKCE), confidential or public, with one
 * registered redirect URI; `verified`: an admin owns it, so early errors go back to it (README, "Grants for people").
 */
export async function createPersonApp({ publicClient = false, grantTypes, verified = false }: PersonAppOptions = {}) {
  const owner = await makeUser(verified ? "admin" : "subscriber");
  const redirectUri = `https://client-${randomUUID().slice(0, 8)}.example/callback`;
  const created = await createApp({
    actor: owner,
    name: `people app ${randomUUID().slice(0, 8)}`,
    redirectUris: [redirectUri],
    publicClient,
    grantTypes,
  });

  return { owner, app: created.app, clientId: created.clientId, clientSecret: created.clientSecret, redirectUri };
}

/** A PKCE pair (RFC 7636 §4.1–4.2, S256). */
export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");

  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** What the consent page does once a person approves: the code, through the real request check and approval. */
export async function approveForTest({
  app,
  person,
  scope = [],
  challenge,
}: {
  app: { clientId: string; redirectUri: string };
  person: Person;
  scope?: string[];
  challenge: string;
}) {
  const outcome = await readAuthorizationRequest([
    ["response_type", "code"],
    ["client_id", app.clientId],
    ["redirect_uri", app.redirectUri],
    ["state", "xyz"],
    ["code_challenge", challenge],
    ["code_challenge_method", "S256"],
    ...(scope.length ? [["scope", scope.join(" ")] as [string, string]] : []),
  ]);
  if (!("consent" in outcome)) throw new Error(`authorization refused: ${JSON.stringify(outcome)}`);
  const location = new URL(await approveAuthorization({ request: outcome.consent.request, actor: person }));

  return location.searchParams.get("code")!;
}

/** POST /oauth2/token with any grant, as a confidential (secret) or public (client_id only) client. */
export async function tokenRequest(client: { clientId: string; clientSecret: string | null }, params: Record<string, string>) {
  const auth: Record<string, string> = client.clientSecret === null ? { client_id: client.clientId } : {};
  const res = await oauth.token(
    formRequest(
      "/oauth2/token",
      { ...params, ...auth },
      client.clientSecret === null ? {} : { basic: [client.clientId, client.clientSecret] },
    ),
  );

  return { status: res.status, body: (await res.json()) as Record<string, string | number | undefined> };
}

/** Two tiers and an API version offering them (unique names and context), published unless told. */
export async function createTestApi({ approval = false, publish = true } = {}) {
  const tag = randomUUID().slice(0, 8);
  const gold = await createTier({ actor: TEST_ADMIN, name: `Gold-${tag}`, requestsPerMinute: 600 });
  const bronze = await createTier({ actor: TEST_ADMIN, name: `Bronze-${tag}`, requestsPerMinute: 3, dailyQuota: 1000 });
  const api = await createApi({
    actor: TEST_ADMIN,
    name: `Weather ${tag}`,
    context: `/weather-${tag}`,
    version: "v1",
    tiers: [gold.name, bronze.name],
    approvalRequired: approval,
  });
  if (publish) await changeApiLifecycle({ apiId: api.id, action: "publish", actor: TEST_ADMIN });

  return { api, gold, bronze, ref: { context: api.context, version: api.version } };
}
