import { env } from "@/lib/base/env";
import { db } from "@/lib/data/db/client";
import { coldExecute } from "@/lib/data/db/cold-sql";
import { isDatabaseUnavailable } from "@/lib/data/db/connection-errors";
import { engineOf } from "@/lib/data/db/engine";
import { oauthErrorResponse } from "@/lib/doors/oauth/respond";
import { commitTokenChange } from "@/lib/engine/changes/commit-token-change";
import { createTestApp, createTestGateway, TEST_OPERATOR } from "@/lib/testing/factories";
import { eventually, startNoticeReceiver } from "@/lib/testing/notice-receiver";
import { issueToken } from "@/lib/tokens/issue-token";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Losing every database connection is PostgreSQL's failure mode (a restart, a failover); an
// embedded SQLite file has no server connection to lose, so this runs on PostgreSQL only.
const onPostgres = engineOf(env.DATABASE_URL) === "postgresql";

describe.runIf(onPostgres)("a database outage", () => {
  let receiver: Awaited<ReturnType<typeof startNoticeReceiver>>;
  let worker: ChildProcess;
  let workerLog = "";

  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    worker = spawn("node_modules/.bin/tsx", ["worker.ts"], { env: { ...process.env, PORTCULLIS_WORKER_POLL_MS: "200" } });
    worker.stdout!.on("data", (c) => (workerLog += c));
    worker.stderr!.on("data", (c) => (workerLog += c));
    await eventually(() => workerLog.includes("worker running"), { timeoutMs: 60_000 });
  });
  afterAll(async () => {
    worker.kill("SIGTERM");
    if (worker.exitCode === null) await once(worker, "exit");
    await receiver.close();
  });

  it("costs the standalone worker nothing: it reconnects and delivers what was queued meanwhile", async () => {
    const gw = await createTestGateway(receiver.url);
    try {
      const app = await createTestApp();
      const issued = await issueToken({ clientId: app.clientId, subscriber: null });

      // Every connection to this database but the one running the statement is terminated (57P01), as in a restart.
      await coldExecute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      await new Promise((r) => setTimeout(r, 500));

      // Queued by a process that then went away: the worker must send it.
      const { notices } = await commitTokenChange({
        cause: "cli",
        tokens: { revoke: { tokenId: issued.tokenId } },
        by: "test",
        actor: TEST_OPERATOR,
      });
      await db.delivery.updateMany({ where: { eventSequence: { in: notices.sequences } }, data: { leaseUntil: null } });
      const delivered = await eventually(() => receiver.received.some((n) => JSON.parse(n.body).data.sequence === notices.sequences[0]), {
        timeoutMs: 15_000,
      });

      console.log(`worker after the outage: alive=${worker.exitCode === null}; log: ${workerLog.trim().split("\n").slice(-3).join(" | ")}`);
      expect(worker.exitCode).toBeNull();
      expect(delivered).toBe(true);
    } finally {
      await db.gateway.delete({ where: { id: gw.gateway.id } });
    }
  });

  it("answers 503 temporarily_unavailable with Retry-After at the OAuth endpoints while the database is away", () => {
    const terminated = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    const answer = oauthErrorResponse(terminated);
    expect(answer).toMatchObject({ status: 503, headers: expect.objectContaining({ "Retry-After": "5" }) });
    expect(JSON.parse(answer.body!)).toMatchObject({ error: "temporarily_unavailable" });
  });
});
