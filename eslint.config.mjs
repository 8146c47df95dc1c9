import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";

// The floors of lib/ (README, "What is where"). A file imports only from the floors below its own:
//   base → data → engine → verbs (lib/<domain>/) → doors,   and the browser's lib/client/ apart.
// Files the browser may load are named *.shared.ts and import only other shared files.
const FLOORS = ["base", "data", "engine", "verbs", "doors"];
const FLOOR_DIRS = ["base", "data", "engine", "doors", "client", "testing"];
const filesOf = (floor) => (floor === "verbs" ? ["lib/*/**/*.{ts,tsx}"] : [`lib/${floor}/**/*.{ts,tsx}`]);
const ignoresOf = (floor) => (floor === "verbs" ? FLOOR_DIRS.map((d) => `lib/${d}/**`) : []);
const above = (floor) => FLOORS.slice(FLOORS.indexOf(floor) + 1);
const floorRegex = (floor) => (floor === "verbs" ? `^@/lib/(?!(${FLOOR_DIRS.join("|")})/)[^/]+/` : `^@/lib/${floor}/`);

// Server code never loads React, TanStack or Next (only the doors' Next glue does); browser code never reaches the database.
const BROWSER_ONLY = ["react", "react-dom", "@tanstack/*", "next", "next/*", "next-auth/react"];
const browserOnly = {
  group: BROWSER_ONLY,
  message: "Server code runs the same under Next, Vitest, the worker and the CLI: browser hooks live in lib/client/.",
};
const noTesting = { group: ["@/lib/testing/**"], message: "lib/testing is for tests only." };
const noClient = { group: ["@/lib/client/**"], message: "lib/client is the browser's: server code never imports it." };
const upward = (floor) =>
  above(floor).map((up) => ({
    regex: floorRegex(up),
    message: `Files on the ${floor} floor import only from the floors below; ${up} is above.`,
  }));
const relative = { group: ["../*"], message: "Leave your own folder with @/lib/…, so the floor rule sees the crossing." };
const serverOnlyImports = (floor) => ({
  files: filesOf(floor),
  ignores: [...ignoresOf(floor), "**/*.test.ts", "**/*.shared.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [...upward(floor), noClient, noTesting, relative, ...(floor === "doors" ? [] : [browserOnly])] },
    ],
  },
});
// The browser's files: only shared files of any floor (types may come from anywhere: they vanish in the build).
const browserImports = {
  regex: "^@/lib/(?!client/)(?!.*\\.shared$)",
  allowTypeImports: true,
  message: "Browser code imports lib/client/ and *.shared files only: call the portal API, never the database.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next/**",
    "dist/**",
    "lib/data/db/generated/**",
    "prisma/postgres/**",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...FLOORS.map(serverOnlyImports),
  {
    files: ["lib/**/*.shared.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [browserImports, browserOnly, relative] }] },
  },
  {
    files: ["lib/client/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/_components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [browserImports, noTesting] }] },
  },
]);
