import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { AppError } from "@/lib/http/errors";
import type { Role } from "@/lib/users/schemas";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials } from "./authorize";
import { INVALID_CREDENTIALS } from "./messages";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // 8 h: a working day

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const header = req?.headers?.[CLIENT_IP_HEADER];
        try {
          return await authorizeCredentials({
            email: credentials?.email,
            password: credentials?.password,
            ip: typeof header === "string" ? header : null,
          });
        } catch (err) {
          // next-auth passes a thrown message to the form as `error`; only our own messages may reach it.
          if (err instanceof AppError) throw new Error(err.message);
          console.error(err);
          throw new Error(INVALID_CREDENTIALS);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, id: user.id, role: user.role, email: user.email, name: user.name };
      if (!token.id) return token;
      // Re-read on every session check so a deleted account or a changed role takes effect at once.
      const current = await db.user.findUnique({ where: { id: token.id }, select: { email: true, name: true, role: true } });
      if (!current) return { ...token, id: undefined, role: undefined };

      return { ...token, email: current.email, name: current.name, role: current.role as Role };
    },
    async session({ session, token }) {
      if (!token.id || !token.role || !token.email) return { ...session, user: undefined as never };

      return { ...session, user: { id: token.id, email: token.email, name: token.name ?? null, role: token.role } };
    },
  },
};
