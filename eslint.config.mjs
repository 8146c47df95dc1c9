import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";

// Browser-only modules: TanStack hooks and the portal's fetch wrapper.
const BROWSER_ONLY = ["react", "react-dom", "@tanstack/*", "next", "next/*", "next-auth/react"];
// Server-only modules: the database and the hot-path store.
const SERVER_ONLY = ["@/lib/db/*", "@/lib/store", "@/lib/store/*", "node:*", "pg", "better-sqlite3"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next/**",
    "lib/db/generated/**",
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
  {
    // The import boundary: domain code runs the same under Next, Vitest, the worker
    // and the CLI, so it never imports React, TanStack or Next. Only the Next glue may.
    files: ["lib/**/*.ts"],
    ignores: [
      "lib/**/client/**",
      "lib/auth/session.ts",
      "lib/http/with-session.ts",
      "lib/http/oauth-route.ts",
      "lib/http/flush-after-response.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: BROWSER_ONLY,
              message: "lib/ is server-side domain code: put hooks and fetch wrappers in a lib/<domain>/client/ folder.",
            },
          ],
        },
      ],
    },
  },
  {
    // And the other way: browser code never reaches the database.
    files: ["lib/**/client/**/*.ts", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: SERVER_ONLY, message: "Browser code: call the portal API, never the database." }] },
      ],
    },
  },
]);
