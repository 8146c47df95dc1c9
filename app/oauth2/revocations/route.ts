export { revocations as GET } from "@/lib/oauth/revocations";

export const dynamic = "force-dynamic";
