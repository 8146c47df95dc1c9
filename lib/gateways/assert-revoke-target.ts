import { AppError } from "@/lib/base/errors.shared";
import { PRIVATE_ADDRESSES_SETTING, privateAddressesPolicy } from "@/lib/base/private-addresses";
import { refusedAddress } from "@/lib/engine/notices/assert-gateway-url";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

const RESOLVE_TIMEOUT_MS = 2_000;

/** The addresses a name resolves to now; none when it does not (yet) or DNS is slow: each send checks again. */
function resolve(hostname: string): Promise<string[]> {
  const found = lookup(hostname, { all: true }).then(
    (addresses) => addresses.map((a) => a.address),
    () => [],
  );
  const slow = new Promise<string[]>((done) => setTimeout(() => done([]), RESOLVE_TIMEOUT_MS).unref());

  return Promise.race([found, slow]);
}

/** Why a name may not be a gateway's, from what it resolves to now, or null. */
async function refusedName(host: string): Promise<string | null> {
  const refused = (await resolve(host)).map((address) => refusedAddress(address)).find(Boolean);

  return refused ? `${host} → ${refused}` : null;
}

/**
 * While private addresses are refused (lib/base/private-addresses.ts), a revoke URL may not point at a loopback
 * or private address, as an IP literal or a name that resolves to one (localhost too): a field error at
 * registration, rather than a gateway that registers and then never hears a notice. The send-time check
 * (lib/engine/notices/assert-gateway-url.ts) still guards every connection, against DNS that changes later.
 */
export async function assertRevokeTarget(revokeUrl: string) {
  if (privateAddressesPolicy() === "allow") return;
  const host = new URL(revokeUrl).hostname;
  const literal = host.replace(/^\[|\]$/g, "");
  const refused = isIP(literal) ? refusedAddress(host) : await refusedName(host);
  if (!refused) return;
  const message = `${refused}: notices may not go there. Register a public address, or set ${PRIVATE_ADDRESSES_SETTING}=allow.`;
  throw new AppError("bad_request", message, { revokeUrl: [message] });
}
