import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// SQLite's instance bus runs through the cluster primary: it must outlive any worker's death.
describe("the cluster bus", () => {
  it("keeps the primary up when a worker is killed while its siblings' messages are relayed to it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "lib/testing/cluster-relay.ts"], {
      env: { ...process.env, KILLS: "10" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error'/);
    expect(run.stdout).toContain("kills 10");
    expect(run.status).toBe(0);
  }, 150_000);
});
