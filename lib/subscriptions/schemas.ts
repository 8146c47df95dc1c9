import type { ApiStatus } from "@/lib/apis/schemas.shared";
import * as z from "zod";

// Client-safe: the subscriber's forms, the routes and the CLI validate with the same schemas.

export const SUBSCRIPTION_STATUSES = ["pending", "active", "blocked", "rejected"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const subscribeSchema = z.object({
  appId: z.string().min(1, "Choose an application."),
  apiId: z.string().min(1),
  tier: z.string().trim().min(1, "Choose a tier."),
});
export type SubscribeInput = z.input<typeof subscribeSchema>;

export const changeTierSchema = z.object({ tier: z.string().trim().min(1, "Choose a tier.") });
export const reasonSchema = z.object({ reason: z.string().trim().max(500, "Use at most 500 characters.").default("") });

export type SubscriptionSummary = {
  id: string;
  app: { id: string; name: string; clientId: string | null };
  api: { id: string; name: string; context: string; version: string; status: ApiStatus; gatewayUrl: string | null; tiers: string[] };
  tier: string;
  requestedTier: string | null;
  status: SubscriptionStatus;
  reason: string | null;
  createdAt: string;
};
