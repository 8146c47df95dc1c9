import { isIP } from "node:net";

/** Set by server.ts from the socket (or from X-Forwarded-For behind trusted proxies); any incoming copy is overwritten. */
export const CLIENT_IP_HEADER = "x-portcullis-client-ip";

export const clientIp = (req: { headers: { get(name: string): string | null } }): string | null => req.headers.get(CLIENT_IP_HEADER);

/** TRUST_PROXY: how many proxies in front of the portal append to X-Forwarded-For ("1" = one load balancer). */
export const trustedHops = (value = process.env.TRUST_PROXY): number => {
  const hops = Number(value ?? 0);

  return Number.isInteger(hops) && hops > 0 && hops < 32 ? hops : 0;
};

/**
 * The client's address. Each trusted proxy appends the address it was reached from, so the
 * client is `hops` entries from the right; anything further left was written by the client.
 * A chain shorter than expected yields its left-most entry, never a value the client chose beyond it.
 */
export function clientAddress({
  forwardedFor,
  remoteAddress,
  hops,
}: {
  forwardedFor: string | undefined;
  remoteAddress: string | undefined;
  hops: number;
}): string {
  const socket = remoteAddress ?? "";
  if (hops === 0 || !forwardedFor) return socket;
  // Walk from the socket leftwards: [socket, last XFF entry, …]; the proxy `hops` steps away saw the client.
  const chain = [
    socket,
    ...forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .reverse(),
  ];
  const candidate = chain[Math.min(hops, chain.length - 1)];

  return isIP(candidate) ? candidate : socket;
}
