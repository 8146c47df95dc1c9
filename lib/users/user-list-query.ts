import * as z from "zod";

// Client-safe: the admin's users list, as the browser, the API and the CLI ask for it.

export const USER_STATES = ["active", "suspended"] as const;

export const userListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "Enter a number." }).int().min(1).max(100, "At most 100.").default(50),
  q: z.string().trim().max(254).optional(), // part of the email or name
  role: z.enum(["subscriber", "admin"], { error: "subscriber or admin." }).optional(),
  state: z.enum(USER_STATES, { error: "active or suspended." }).optional(),
});

/** What a caller may ask for; an empty string means "any". */
export type UserListQuery = {
  cursor?: string;
  limit?: number | string;
  q?: string;
  role?: "subscriber" | "admin" | "";
  state?: (typeof USER_STATES)[number] | "";
};

export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  role: "subscriber" | "admin";
  createdAt: string;
  suspendedAt: string | null;
  apps: number; // applications not deleted
};

export type UserPage = { users: UserSummary[]; total: number; nextCursor: string | null };
