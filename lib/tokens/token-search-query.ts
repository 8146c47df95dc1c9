import { TOKEN_STATES } from "@/lib/base/list-query.shared";
import * as z from "zod";

// Client-safe: Admin → Tokens, a search across every application.

export const tokenSearchQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "Enter a number." }).int().min(1).max(200, "At most 200.").default(50),
  clientId: z.string().trim().max(100).optional(),
  owner: z.string().trim().max(254).optional(), // part of the owner's email
  q: z.string().trim().max(100).optional(), // "pcl_at_", "9f3a" or "pcl_at_…9f3a"
  state: z.enum(TOKEN_STATES, { error: `One of ${TOKEN_STATES.join(", ")}.` }).optional(),
});

export type TokenSearchQuery = {
  cursor?: string;
  limit?: number | string;
  clientId?: string;
  owner?: string;
  q?: string;
  state?: (typeof TOKEN_STATES)[number] | "";
};

/** "pcl_at_…9f3a" → its prefix and last characters; either may be missing. */
export function parseTokenHint(q: string): { prefix?: string; last?: string } {
  const [, prefix, rest = ""] = /^(pcl_[a-z]+_)?(?:…|\.\.\.)?(.*)$/.exec(q.trim()) ?? [];
  const last = rest.slice(-4);

  return { ...(prefix ? { prefix } : {}), ...(last ? { last } : {}) };
}

export type SearchedToken = {
  id: string;
  prefix: string;
  last4: string;
  type: "access_token" | "refresh_token";
  status: "active" | "expired" | "revoked";
  createdAt: string;
  expiresAt: string;
  revokedBy: string | null;
  revokedReason: string | null;
  clientId: string;
  appId: string | null;
  appName: string | null;
  ownerEmail: string | null;
};

export type TokenSearchPage = { tokens: SearchedToken[]; total: number; nextCursor: string | null };

/** What a bulk revoke would do, shown before it is confirmed. */
export type RevocationPreview = {
  tokens: number; // active tokens revoked, the rest of each selected token's grant included
  applications: { id: string | null; name: string; ownerEmail: string | null; tokens: number }[];
  gateways: { name: string; environment: string; enabled: boolean }[];
};
