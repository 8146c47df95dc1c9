import * as z from "zod";

// Client-safe: the activity lists' filters, as the browser and the API send them.

export const EVENT_KINDS = ["app", "secret", "token", "gateway", "settings"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const day = z.iso.date({ error: "Use a date like 2026-12-01." }).optional();

export const eventListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: "Enter a number." }).int().min(1).max(200, "At most 200.").default(100),
  kind: z.enum(EVENT_KINDS, { error: `One of ${EVENT_KINDS.join(", ")}.` }).optional(),
  q: z.string().trim().max(100).optional(), // who: part of an email, "cli", "client:…"
  from: day,
  to: day,
  sort: z.enum(["newest", "oldest"], { error: "newest or oldest." }).default("newest"),
});
/** What a caller may ask for; an empty string means "any" (a cleared filter). */
export type EventListQuery = {
  cursor?: string;
  limit?: number | string;
  kind?: EventKind | "";
  q?: string;
  from?: string;
  to?: string;
  sort?: "newest" | "oldest";
};
