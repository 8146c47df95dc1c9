import type { NextConfig } from "next";
import { realpathSync } from "node:fs";
import path from "node:path";
import { LOOPBACK_HOSTS } from "./lib/base/loopback.shared";

// Turbopack compiles and resolves only under its root, the project by default. A node_modules linked in
// from elsewhere (a shared install) lies outside it: the root is then the nearest folder holding both.
function workspaceRoot(project = process.cwd()): string {
  let root = project;
  const modules = realpathSync(path.join(project, "node_modules"));
  while (path.relative(root, modules).startsWith("..")) root = path.dirname(root);

  return root;
}
const root = workspaceRoot();

const nextConfig: NextConfig = {
  // Native drivers and the Prisma adapters load from node_modules at run time, not from the bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "undici"],
  poweredByHeader: false,
  // CI runs `npm run typecheck` (the whole project, a superset of what Next checks) just before it builds,
  // and says so with this variable; everyone else's `npm run build` keeps Next's own check.
  typescript: { ignoreBuildErrors: process.env.PORTCULLIS_TYPECHECKED === "1" },
  // Development takes a page at any loopback name of its port as the portal's own (lib/base/issuer.ts ownOrigins);
  // `next dev` refuses its HMR socket to any but localhost unless listed, and a page at 127.0.0.1 never hydrated.
  allowedDevOrigins: [...LOOPBACK_HOSTS],
  turbopack: { root },
  outputFileTracingRoot: root,
  // Browsers ask for /favicon.ico whatever the page links: answer with the app's icon (app/icon.svg, served at /icon.svg).
  rewrites: async () => [{ source: "/favicon.ico", destination: "/icon.svg" }],
  // Lets parallel checkouts and test runs keep separate build output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
