// npm run build's second half: bundles every production entry point that is not the Next app to plain
// JavaScript in dist/, so `npm start`, the worker, the CLI and the reference gateway run on `node` alone.
// esbuild resolves the `@/` alias from tsconfig.json; packages stay external but for INLINED (native drivers,
// Prisma's runtime and Next load from node_modules as they would for any dependency). Code splitting lets the CLI
// load each command group's chunk only when that group is called.
import { build } from "esbuild";
import { renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist`;
const fresh = `${root}dist.new`;

// Bundled in: commander, which every CLI call loads first (from node_modules: resolving a CommonJS
// package's exports and parsing it for ESM).
const INLINED = new Set(["commander"]);

/** Packages stay external (`packages: "external"`), but for those named. */
function externalPackagesBut(inlined) {
  return {
    name: "external-packages",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
        if (path.startsWith("@/")) return undefined; // the tsconfig alias: our own code
        const name = path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0];

        return inlined.has(name) ? undefined : { path, external: true };
      });
    },
  };
}

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
  plugins: [externalPackagesBut(INLINED)],
  // A CommonJS package bundled into ESM requires node's builtins: give it the `require` ESM lacks.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
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
