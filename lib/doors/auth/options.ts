import { authorizeCredentials } from "@/lib/auth/authorize";
import { CLIENT_IP_HEADER } from "@/lib/base/client-ip";
import { AppError } from "@/lib/base/errors.shared";
import { INVALID_CREDENTIALS } from "@/lib/engine/identity/messages.shared";
import { endSession } from "@/lib/sessions/end-session";
import { findSession } from "@/lib/sessions/find-session";
import { startSession } from "@/lib/sessions/start-session";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // 8 h idle: a working day; lib/sessions caps the whole session

/**
 * One line for each of next-auth's errors and warnings, never its stacks: a garbage session cookie
 * is a stranger's doing, not ours, and printed 15 lines of stack each time.
 */
const quietLogger: NextAuthOptions["logger"] = {
  error: (code, metadata) => {
    const why = metadata instanceof Error ? metadata.message : ((metadata as { message?: unknown })?.message ?? "");
    console.error(`next-auth: ${code}${why ? ` (${String(why).split("\n")[0].slice(0, 200)})` : ""}`);
  },
  warn: (code) => console.warn(`next-auth: ${code}`),
  debug: () => {},
};

export const authOptions: NextAuthOptions = {
  logger: quietLogger,
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
      if (user) {
        const { id: sid } = await startSession({ userId: user.id });

        return { ...token, sid, id: user.id, role: user.role, email: user.email, name: user.name };
      }
      // Every session read checks the server-side session, so sign-out, "sign out everywhere", a
      // password change, a deleted account or a changed role take effect at once, even for a copied cookie.
      const current = await findSession({ id: token.sid });
      if (!current) return { sid: undefined, id: undefined, role: undefined };

      return { ...token, id: current.id, email: current.email, name: current.name, role: current.role, signedInAt: current.signedInAt };
    },
    async session({ session, token }) {
      if (!token.id || !token.role || !token.email) return { ...session, user: undefined as never };

      const user = { id: token.id, email: token.email, name: token.name ?? null, role: token.role };

      return { ...session, user, signedInAt: token.signedInAt ?? 0 };
    },
  },
  events: {
    async signOut({ token }) {
      await endSession({ id: token?.sid });
    },
  },
};
