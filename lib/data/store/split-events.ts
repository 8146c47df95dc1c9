import { MAX_TOKENS_PER_EVENT, toWireToken } from "@/lib/base/contract.shared";
import type { ChangedToken, NoticeType } from "@/lib/data/store/types";
import { randomUUID } from "node:crypto";

export type EventRow = { id: string; type: NoticeType; tokens: string; createdAt: number; expiresAt: number; tokenIds: string[] };

/** Splits changed tokens into events of at most 500, each with its wire-ready token list and a fresh webhook-id. */
export function splitIntoEvents(type: NoticeType, tokens: ChangedToken[], at: number): EventRow[] {
  const rows = [];
  for (let i = 0; i < tokens.length; i += MAX_TOKENS_PER_EVENT) {
    const chunk = tokens.slice(i, i + MAX_TOKENS_PER_EVENT);
    rows.push({
      id: `evt_${randomUUID().replace(/-/g, "")}`,
      type,
      tokens: JSON.stringify(chunk.map(toWireToken)),
      createdAt: at,
      expiresAt: Math.max(...chunk.map((t) => t.expiresAt)), // after it, nobody is owed this event
      tokenIds: chunk.map((t) => t.id),
    });
  }

  return rows;
}
