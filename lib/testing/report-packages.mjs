// A test hook, never loaded in production: `node --import ./lib/testing/report-packages.mjs …` prints, as
// the process exits, the packages it loaded (CommonJS ones, as Node keeps them in require's cache whether
// required or imported) on one stderr line: "loaded packages: a b c". The compiled CLI's test reads it.
import { createRequire } from "node:module";

const cache = createRequire(import.meta.url).cache;
const packageOf = (file) => [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)?.[1];

process.on("exit", () => {
  const names = new Set(Object.keys(cache).flatMap((file) => packageOf(file) ?? []));
  process.stderr.write(`loaded packages: ${[...names].sort().join(" ")}\n`);
});
