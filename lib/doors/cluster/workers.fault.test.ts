import { env } from "@/lib/base/env";
import { hashToken } from "@/lib/base/hash-token";
import { engineOf } from "@/lib/data/db/engine";
import { createTestApp, createTestGateway } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { startPortal, type PortalProcess } from "@/lib/testing/start-portal";
import { issueToken } from "@/lib/tokens/issue-token";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// One SQLite server with two cluster workers (PostgreSQL's workers are instances like any other,
// with the database's bus and limits). The primary hands each new connection to the next worker in
// turn, so requests each on a connection of their own alternate between the two: a fact kept in
// one worker's memory would be missed by every other request.
const onSqlite = engineOf(env.DATABASE_URL) !== "postgresql";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function onNewConnection(url: string, { headers = {}, body = "" }: { headers?: Record<string, string>; body?: string }) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.end(body);
  });
}
const workersOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe.runIf(onSqlite)("a SQLite server with two workers", () => {
  let portal: PortalProcess;
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    portal = await startPortal({ env: { PORTCULLIS_WORKERS: "2", PORTCULLIS_RACE_RESEND_MS: "500" } });
    // Health answers once one worker is up; the primary says when both are.
    await eventually(() => portal.log().includes("(2 workers)"), { timeoutMs: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await portal?.kill();
    await receiver?.close();
  });

  it("serves from two worker processes", () => {
    expect(portal.log()).toContain("(2 workers)");
  });

  it("counts failed sign-ins across both workers: the 11th from one address is refused", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@vitest.test`; // the limits count attempts, not accounts
    // next-auth's CSRF pair (cookie and field) once, then wrong passwords, each on a connection of its own.
    const csrf = await fetch(`${portal.url}/api/auth/csrf`, { headers: { connection: "close" } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const attempt = async () => {
      const answer = await onNewConnection(`${portal.url}/api/auth/callback/credentials`, {
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: form({ csrfToken, email, password: "not-the-password", json: "true" }),
      });
      return decodeURIComponent(JSON.parse(answer.body).url ?? "");
    };
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) answers.push(await attempt());
    // Each worker alone saw at most six of these: only a limit the workers share refuses the eleventh.
    expect(answers.slice(0, 10).every((url) => url.includes("Invalid email or password"))).toBe(true);
    expect(answers[10]).toContain("Too many attempts");
  });

  it("counts failed client authentications across both workers: past 20, either refuses a guess and then the right secret with 429", async () => {
    const gateway = await createTestApp({ kind: "gateway" });
    const introspect = (secret: string) =>
      onNewConnection(`${portal.url}/oauth2/introspect`, {
        headers: { authorization: basic(gateway.clientId, secret), "content-type": "application/x-www-form-urlencoded" },
        body: form({ token: "pcl_at_unknown" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await introspect(`wrong-${i}`)).status);
    // Each worker alone saw ten: only a count the workers share refuses the next guess at either of them,
    // and from then on both refuse the right secret too.
    expect(statuses).toEqual(Array(20).fill(401));
    const guesses = [await introspect("wrong-again"), await introspect("wrong-again")];
    expect(guesses.map((r) => r.status)).toEqual([429, 429]);
    const refused = [await introspect(gateway.clientSecret), await introspect(gateway.clientSecret)];
    expect(refused.map((r) => r.status)).toEqual([429, 429]);
    expect(JSON.parse(refused[0].body).error).toBe("invalid_client");
    expect(Number(refused[0].headers["retry-after"])).toBeGreaterThan(0);
  });

  it("re-announces a token one worker answered 'active' for when the other revokes it", async () => {
    const gw = await createTestGateway(receiver.url);
    const gateway = await createTestApp({ kind: "gateway" });
    const app = await createTestApp();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => issueToken({ clientId: app.clientId, subscriber: null })));
    const post = (path: string, [id, secret]: [string, string], token: string) =>
      onNewConnection(`${portal.url}${path}`, {
        headers: { authorization: basic(id, secret), "content-type": "application/x-www-form-urlencoded" },
        body: form({ token }),
      });

    for (const t of tokens) {
      const answer = await post("/oauth2/introspect", [gateway.clientId, gateway.clientSecret], t.accessToken);
      expect(JSON.parse(answer.body).active).toBe(true);
      expect((await post("/oauth2/revoke", [app.clientId, app.clientSecret], t.accessToken)).status).toBe(200);
    }
    const announced = (t: { accessToken: string }) => receiver.received.filter((n) => n.body.includes(hashToken(t.accessToken))).length;
    const all = await eventually(() => tokens.every((t) => announced(t) >= 2), { timeoutMs: 15_000 });
    console.log(
      `race re-send across 2 workers: ${tokens.filter((t) => announced(t) >= 2).length}/10 re-announced (gateway ${gw.gateway.id})`,
    );
    expect(all).toBe(true);
  });

  it("replaces a worker that dies; the other answers meanwhile", async () => {
    const [victim] = workersOf(portal.pid);
    process.kill(victim, "SIGKILL");
    // Once the primary has seen it die (a connection it had already handed over is lost with it), the
    // other worker answers every new connection while the replacement starts.
    expect(await eventually(() => portal.log().includes(`worker ${victim} stopped (SIGKILL); starting another`))).toBe(true);
    for (let i = 0; i < 4; i++) expect((await fetch(`${portal.url}/api/health`, { headers: { connection: "close" } })).status).toBe(200);
    const replaced = await eventually(() => workersOf(portal.pid).length === 2 && !workersOf(portal.pid).includes(victim), {
      timeoutMs: 60_000,
    });
    expect(replaced).toBe(true);
  });
});

describe.runIf(onSqlite)("a server whose workers cannot start", () => {
  it("stops with an error instead of forking again and again", async () => {
    const taken = await startPortal({ env: { PORTCULLIS_WORKERS: "1" } });
    try {
      const port = new URL(taken.url).port;
      await expect(startPortal({ env: { PORTCULLIS_WORKERS: "2", PORT: port } })).rejects.toThrow(/a worker failed to start/);
    } finally {
      await taken.kill();
    }
  });
});
