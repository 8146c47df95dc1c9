import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "cli/**/*.test.ts", "reference-gateway/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.fault.test.ts"], // the fault suite: vitest.faults.config.ts
    globalSetup: ["./lib/testing/global-setup.ts"],
    setupFiles: ["./lib/testing/listen-to-engine.ts"], // as every door does before serving
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
