import path from "node:path";
import { defineConfig } from "vitest/config";

// The fault suite (`npm run test:faults`): slow tests that load the database or start real
// processes. CI runs it on PostgreSQL after `npm test`.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.fault.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    setupFiles: ["./lib/testing/listen-to-engine.ts"], // as every door does before serving
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
