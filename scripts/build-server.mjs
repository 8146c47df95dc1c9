// npm run build's second half: bundles every production entry point that is not the Next app to plain
// JavaScript in dist/, so `npm start`, the worker, the CLI and the reference gateway run on `node` alone.
// esbuild resolves the `@/` alias from tsconfig.json; packages stay external (native drivers, Prisma's
// runtime and Next load from node_modules as they would for any dependency). Code splitting lets the CLI
// load each command group's chunk only when that group is called.
import { build } from "esbuild";
import { renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist`;
const fresh = `${root}dist.new`;

rmSync(fresh, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { server: "server.ts", worker: "worker.ts", cli: "cli/index.ts", gateway: "reference-gateway/main.ts" },
  outdir: fresh,
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
// A new dist/ whole, in place of the old at once: a CLI started meanwhile (tests run it) finds one or the
// other, and no stale chunk of an earlier build lingers.
rmSync(`${outdir}.old`, { recursive: true, force: true });
try {
  renameSync(outdir, `${outdir}.old`);
} catch {
  // the first build: there is no dist/ yet
}
renameSync(fresh, outdir);
rmSync(`${outdir}.old`, { recursive: true, force: true });
console.log(`  dist/: server, worker, cli and gateway bundled${result.warnings.length ? ` (${result.warnings.length} warnings)` : ""}`);
