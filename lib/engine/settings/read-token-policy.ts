import { store } from "@/lib/data/store";
import { toPolicy, type TokenPolicy } from "./definitions.shared";

/** The token policy as stored now: one query, on every use, so every instance sees a change at once. */
export async function readTokenPolicy(): Promise<TokenPolicy> {
  return toPolicy(await store().getSettings());
}
