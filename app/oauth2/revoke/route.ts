export { revoke as POST } from "@/lib/oauth/revoke";
