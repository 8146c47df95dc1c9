export { metadata as GET } from "@/lib/oauth/metadata";

// The issuer comes from configuration at run time, never from the build.
export const dynamic = "force-dynamic";
