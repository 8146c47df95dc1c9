import * as z from "zod";

// Client-safe: the applications list's search and order, as the browser and the API send them.

export const APP_SORTS = ["newest", "oldest", "name"] as const;

export const appListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "Enter a number." }).int().min(1).max(100, "At most 100.").default(50),
  q: z.string().trim().max(100).optional(), // part of the name
  sort: z.enum(APP_SORTS, { error: `One of ${APP_SORTS.join(", ")}.` }).default("newest"),
});

/** What a caller may ask for; an empty string means "any". */
export type AppListQuery = { cursor?: string; limit?: number | string; q?: string; sort?: (typeof APP_SORTS)[number] };
