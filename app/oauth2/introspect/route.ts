export { introspect as POST } from "@/lib/oauth/introspect";
