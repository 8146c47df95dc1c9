// Folder pairs of lib/ that import each other at run time (npm run lint fails on any on one floor).
// The floors themselves are ESLint's rule (eslint.config.mjs); this catches two rooms of one floor
// leaning on each other, which no per-file rule can see. `--all` lists type-only pairs too.
import fs from "node:fs";
import path from "node:path";

const FLOOR_DIRS = ["base", "data", "engine", "doors", "client", "testing"];
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["'](@\/lib\/[^"']+|\.\/[^"']+)["']/gm;

/** The room of a file: lib/<floor>/<room> on a floor folder, lib/<domain> for the verbs. */
const roomOf = (file) => {
  const [, top, sub] = file.split("/");
  return FLOOR_DIRS.includes(top) ? (sub?.includes(".") ? `lib/${top}` : `lib/${top}/${sub}`) : `lib/${top.replace(/\.tsx?$/, "")}`;
};
const floorOf = (room) => (FLOOR_DIRS.includes(room.split("/")[1]) ? room.split("/")[1] : "verbs");

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") yield* sources(p);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield p;
  }
}

const edges = new Map(); // "from|to" → runtime?
for (const file of sources("lib")) {
  for (const [, typeOnly, spec] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
    const target = spec.startsWith("@/") ? spec.slice(2) : path.join(path.dirname(file), spec);
    const [from, to] = [roomOf(file), roomOf(target)];
    if (from === to || floorOf(from) !== floorOf(to)) continue;
    const key = `${from}|${to}`;
    edges.set(key, edges.get(key) || !typeOnly);
  }
}

const pairs = [...edges.keys()]
  .map((k) => k.split("|"))
  .filter(([a, b]) => a < b && edges.has(`${b}|${a}`))
  .map(([a, b]) => ({ pair: `${a} <-> ${b}`, runtime: edges.get(`${a}|${b}`) && edges.get(`${b}|${a}`) }));
const shown = process.argv.includes("--all") ? pairs : pairs.filter((p) => p.runtime);
for (const p of shown) console.log(`${p.pair}${p.runtime ? "" : " (types only)"}`);
const runtime = pairs.filter((p) => p.runtime).length;
console.log(`${runtime} runtime pair(s) of folders on one floor import each other${runtime ? ": break the cycle" : ""}`);
process.exit(runtime ? 1 : 0);
