import * as z from "zod";

// Client-safe: the tokens list's filters, as the browser, the API and the CLI send them.

export const TOKEN_STATES = ["active", "expired", "revoked"] as const;
export const TOKEN_SORTS = ["created_desc", "created_asc", "expires_asc", "expires_desc"] as const;
export type TokenSort = (typeof TOKEN_SORTS)[number];
export const MAX_PAGE_SIZE = 200;

const day = z.iso.date({ error: "Use a date like 2026-12-01." }).optional();

export const tokenListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "Enter a number." }).int().min(1).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}.`).default(100),
  state: z.enum(TOKEN_STATES, { error: `One of ${TOKEN_STATES.join(", ")}.` }).optional(),
  type: z.enum(["access_token", "refresh_token"], { error: "access_token or refresh_token." }).optional(),
  q: z.string().trim().max(100).optional(), // the last characters of a token, or words of its note
  createdFrom: day,
  createdTo: day,
  expiresFrom: day,
  expiresTo: day,
  sort: z.enum(TOKEN_SORTS, { error: `One of ${TOKEN_SORTS.join(", ")}.` }).default("created_desc"),
});
/** What a caller may ask for; an empty string means "any" (a cleared filter). */
export type TokenListQuery = {
  cursor?: string;
  limit?: number | string;
  state?: (typeof TOKEN_STATES)[number] | "";
  type?: "access_token" | "refresh_token" | "";
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  expiresFrom?: string;
  expiresTo?: string;
  sort?: TokenSort;
};

/** A list request without its cleared filters, for zod and the query string alike. */
export const withoutEmpty = <T extends object>(query: T): Partial<T> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;

/** Query-string form of a list request, leaving out what is unset. */
export function toSearchParams(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(withoutEmpty(query))) params.set(key, String(value));
  const s = params.toString();

  return s ? `?${s}` : "";
}
