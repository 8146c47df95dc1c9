import type { PendingDelivery } from "@/lib/store";

/** The exact JSON body of the contract (BRIEF: gateway notification contract); the same on every retry. */
export const noticeBody = (d: Pick<PendingDelivery, "type" | "createdAt" | "sequence" | "tokens">) =>
  `{"type":${JSON.stringify(d.type)},"timestamp":"${new Date(d.createdAt).toISOString()}","data":{"sequence":${d.sequence},"tokens":${d.tokens}}}`;
