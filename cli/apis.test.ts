import { db } from "@/lib/data/db/client";
import { createTestApp } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/issue-token";
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson as json } from "./testing/run-cli";

const OPENAPI = `openapi: 3.0.3
info: { title: Forecast, version: "1" }
paths:
  /forecast:
    get:
      responses:
        "200": { description: today's forecast }
`;

describe("portcullis apis, tiers and subscriptions", () => {
  it(
    "creates tiers and an API from an OpenAPI file, publishes it, subscribes a client and unsubscribes it",
    { timeout: 90_000 },
    async () => {
      const tag = randomUUID().slice(0, 8);
      const dir = await mkdtemp(path.join(tmpdir(), "pcl-openapi-"));
      const [good, bad] = [path.join(dir, "good.yaml"), path.join(dir, "bad.json")];
      await writeFile(good, OPENAPI);
      await writeFile(bad, JSON.stringify({ openapi: "3.0.3", info: { title: "no version" }, paths: {} }));

      expect(await json("tiers", "create", "--name", `Gold-${tag}`, "--rpm", "600")).toMatchObject({
        requests_per_minute: 600,
        daily_quota: null,
      });
      const zero = await cli("tiers", "create", "--name", `Zero-${tag}`, "--rpm", "0");
      expect(zero.code).toBe(1);
      expect(zero.stderr).toMatch(/above zero/);

      const context = `/cli-${tag}`;
      const base = ["apis", "create", "--name", "Forecast", "--context", context, "--version", "v1", "--tiers", `Gold-${tag}`];
      const invalid = await cli(...base, "--openapi", bad);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toMatch(/openapi/i);
      expect(await db.api.count({ where: { context } })).toBe(0);

      const created = await json(...base, "--openapi", good, "--gateway-url", "http://127.0.0.1:8080", "--approval");
      expect(created).toMatchObject({
        context,
        version: "v1",
        status: "draft",
        approval_required: true,
        gateway_url: "http://127.0.0.1:8080",
      });
      expect(await json("apis", "publish", "--api", `${context}:v1`)).toMatchObject({ status: "published", notices: 0 });

      const app = await createTestApp();
      await issueToken({ clientId: app.clientId, subscriber: app.user.id });
      const ref = ["--client-id", app.clientId, "--api", `${context}:v1`];
      expect(await json("subscriptions", "create", ...ref, "--tier", `Gold-${tag}`)).toMatchObject({ status: "active" });
      expect(await json("subscriptions", "remove", ...ref)).toEqual({
        client_id: app.clientId,
        api: `${context}:v1`,
        status: "removed",
        gateways: expect.any(Array),
      });
      expect(await db.subscription.count({ where: { appId: app.app!.id } })).toBe(0);
    },
  );
});
