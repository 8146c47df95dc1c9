import { db } from "@/lib/data/db/client";
import { TEST_ADMIN } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApi } from "./create-api";
import { createTier } from "./create-tier";

const VALID = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Weather", version: "1" },
  paths: { "/today": { get: { responses: { "200": { description: "ok" } } } } },
});

describe("createApi and createTier — bad input is a field error and saves nothing", () => {
  it("refuses documents that do not parse or validate as OpenAPI 3.x, non-path contexts, duplicates and unknown tiers", async () => {
    const tag = randomUUID().slice(0, 8);
    const tier = await createTier({ actor: TEST_ADMIN, name: `T-${tag}`, requestsPerMinute: 10 });
    const base = { actor: TEST_ADMIN, name: "Weather", context: `/w-${tag}`, version: "v1", tiers: [tier.name] };
    const cases: [Partial<typeof base> & { openapi?: string }, string][] = [
      [{ openapi: "{not json" }, "openapi"],
      [{ openapi: "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}" }, "openapi"],
      [{ openapi: JSON.stringify({ openapi: "3.0.3", info: { title: "no version" }, paths: {} }) }, "openapi"],
      [
        {
          openapi: JSON.stringify({
            openapi: "3.0.3",
            info: { title: "x", version: "1" },
            paths: { "/a": { $ref: "https://example.com/x.json" } },
          }),
        },
        "openapi",
      ],
      [{ context: "weather" }, "context"],
      [{ context: "/weather/" }, "context"],
      [{ version: "v 1" }, "version"],
      [{ tiers: [`missing-${tag}`] }, "tiers"],
      [{ tiers: [] }, "tiers"],
    ];
    for (const [change, field] of cases) {
      const err = await createApi({ ...base, ...change }).catch((e) => e);
      expect(
        err.fields ?? Object.fromEntries(err.issues.map((i: { path: string[] }) => [i.path[0], true])),
        JSON.stringify(change),
      ).toHaveProperty(field);
    }
    expect(await db.api.count({ where: { context: base.context } })).toBe(0);

    await createApi({ ...base, openapi: VALID });
    await expect(createApi(base)).rejects.toMatchObject({ code: "conflict", fields: { version: [expect.any(String)] } });
    expect(await db.api.count({ where: { context: base.context } })).toBe(1);
  });

  it("refuses tiers with zero or negative limits", async () => {
    for (const limits of [
      { requestsPerMinute: 0 },
      { requestsPerMinute: -5 },
      { requestsPerMinute: 5, dailyQuota: 0 },
      { requestsPerMinute: 1.5 },
    ]) {
      const name = `bad-${randomUUID().slice(0, 8)}`;
      await expect(createTier({ actor: TEST_ADMIN, name, ...limits })).rejects.toThrow();
      expect(await db.tier.count({ where: { name } })).toBe(0);
    }
  });
});
