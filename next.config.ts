import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native drivers and the Prisma adapters load from node_modules at run time, not from the bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "undici"],
  poweredByHeader: false,
  // Lets parallel checkouts and test runs keep separate build output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
