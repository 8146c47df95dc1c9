import type { Role, SessionUser } from "@/lib/engine/identity/roles.shared";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    /** When the server-side session began (epoch ms): prompt=login asks for one newer than the request. */
    signedInAt?: number;
  }
  interface User {
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string; // the server-side session (lib/sessions)
    id?: string;
    role?: Role;
    signedInAt?: number;
  }
}
