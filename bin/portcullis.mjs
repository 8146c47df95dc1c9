#!/usr/bin/env node
// The `portcullis` command: the compiled CLI (dist/cli.mjs, made by `npm run build`) on plain node. A
// checkout without a build still works: the TypeScript source through tsx, slower, and it says so once.
import { existsSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

module.enableCompileCache?.(); // Node 22.1+: later calls reuse the compiled bytecode of every module they load

const root = fileURLToPath(new URL("..", import.meta.url));
if (existsSync(`${root}dist/cli.mjs`)) {
  await import(`${root}dist/cli.mjs`);
} else {
  process.stderr.write("portcullis: no build found (npm run build); running the TypeScript source through tsx, which starts slower\n");
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: `${root}tsconfig.json` });
  await import(`${root}cli/index.ts`);
}
