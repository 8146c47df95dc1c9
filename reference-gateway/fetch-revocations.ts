import { feedPageSchema, type FeedPage } from "@/lib/base/contract.shared";
import { basicAuth } from "./basic-auth";

type FetchRevocationsOptions = { keyManager: string; clientId: string; clientSecret: string; after: number; timeoutMs: number };

const PAGE_SIZE = 500; // the feed's maximum: fewest round trips for a gateway that was away long

/** One page of GET /oauth2/revocations (the catch-up feed). Throws on anything but a valid 200. */
export async function fetchRevocations({
  keyManager,
  clientId,
  clientSecret,
  after,
  timeoutMs,
}: FetchRevocationsOptions): Promise<FeedPage> {
  const res = await fetch(`${keyManager}/oauth2/revocations?after=${after}&limit=${PAGE_SIZE}`, {
    headers: { authorization: basicAuth(clientId, clientSecret), accept: "application/json" },
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "error",
  });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`feed answered ${res.status}${res.status === 401 ? " (check the gateway's client credentials)" : ""}`);
  }
  const parsed = feedPageSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error("feed answer does not match the contract");

  return parsed.data;
}
