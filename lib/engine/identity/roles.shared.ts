export const ROLES = ["subscriber", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, as sessions and route handlers see it. */
export type SessionUser = { id: string; email: string; role: Role; name?: string | null };

export const ROLE_RANK = { subscriber: 1, admin: 2 } as const satisfies Record<Role, number>;

/** True when `role` is at least `required` (an admin can do what a subscriber can). */
export const hasRole = (role: Role | null | undefined, required: Role) =>
  !!role && role in ROLE_RANK && ROLE_RANK[role] >= ROLE_RANK[required];
