export { token as POST } from "@/lib/oauth/token";
