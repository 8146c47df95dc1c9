import type { Role, SessionUser } from "@/lib/engine/identity/roles.shared";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
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
  }
}
