// npm run build's second half: bundles every production entry point that is not the Next app to plain
// JavaScript in dist/, so `npm start`, the worker, the CLI and the reference gateway run on `node` alone.
// esbuild resolves the `@/` alias from tsconfig.json; packages stay external (native drivers, Prisma's
// runtime and Next load from node_modules as they would for any dependency). Code splitting lets the CLI
// load each command group's chunk only when that group is called.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist`;

rmSync(outdir, { recursive: true, force: true }); // stale chunks of an earlier build would linger otherwise
const result = await build({
  absWorkingDir: root,
  entryPoints: { server: "server.ts", worker: "worker.ts", cli: "cli/index.ts", gateway: "reference-gateway/main.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`  dist/: server, worker, cli and gateway bundled${result.warnings.length ? ` (${result.warnings.length} warnings)` : ""}`);
