import { authOptions } from "@/lib/auth/options";
import NextAuth from "next-auth";

// GET|POST /api/auth/* — next-auth 4 (sign-in, sign-out, session, CSRF)
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
