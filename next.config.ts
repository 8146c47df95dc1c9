import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native drivers and the Prisma adapters load from node_modules at run time, not from the bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "undici"],
  poweredByHeader: false,
  // Lets parallel checkouts and test runs keep separate build output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async rewrites() {
    // RFC 8414 metadata lives at a dot-path; serve it from a plain route (see STYLE.md §11).
    return [{ source: "/.well-known/oauth-authorization-server", destination: "/oauth2/metadata" }];
  },
};

export default nextConfig;
