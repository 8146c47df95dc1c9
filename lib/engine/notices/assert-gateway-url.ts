import { privateAddressesPolicy, privateAddressesRule } from "@/lib/base/private-addresses";
import { lookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

// Never a gateway: link-local (cloud metadata lives at 169.254.169.254), "this network", and the
// metadata services that sit elsewhere. Checked on every connection, after DNS resolution.
const NEVER = new BlockList();
NEVER.addSubnet("169.254.0.0", 16, "ipv4");
NEVER.addSubnet("0.0.0.0", 8, "ipv4");
NEVER.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
NEVER.addSubnet("fe80::", 10, "ipv6");
NEVER.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6
NEVER.addAddress("::", "ipv6");

// Where gateways usually live (the portal's own network): allowed unless the operator says otherwise.
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
] as const)
  PRIVATE.addSubnet(net, bits, "ipv4");
PRIVATE.addAddress("::1", "ipv6");
PRIVATE.addSubnet("fc00::", 7, "ipv6");

/** Why notices may not go to this IP address, or null. */
export function refusedAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1]; // IPv4-mapped IPv6 is the IPv4 address
  const [ip, type] = mapped ? [mapped, "ipv4" as const] : [bare, isIP(bare) === 6 ? ("ipv6" as const) : ("ipv4" as const)];
  if (!isIP(ip)) return null;
  if (NEVER.check(ip, type)) return `${address} is a link-local or metadata address`;
  // PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES (lib/base/private-addresses.ts) refuses loopback and private ones too.
  if (privateAddressesPolicy() === "refuse" && PRIVATE.check(ip, type))
    return `${address} is a loopback or private address (${privateAddressesRule()})`;

  return null;
}

/** Why notices may not go to this URL before any connection (credentials, an IP literal that is refused), or null. */
export function refusedGatewayUrl(raw: string): string | null {
  const url = new URL(raw);
  if (url.username || url.password) return "the revoke URL has credentials in it";

  return isIP(url.hostname.replace(/^\[|\]$/g, "")) ? refusedAddress(url.hostname) : null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves like the system does, then refuses the connection if any resolved address is refused (no DNS-rebinding window). */
function checkedLookup(hostname: string, options: object, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.map((a) => refusedAddress(a.address)).find(Boolean);
    if (refused) return callback(new Error(`refused: ${hostname} → ${refused}`), []);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

const globalForAgent = globalThis as unknown as { portcullisGatewayAgent?: Agent };

/** The HTTP agent every notice goes through: its DNS lookup refuses what refusedAddress refuses. */
export const gatewayDispatcher = () => (globalForAgent.portcullisGatewayAgent ??= new Agent({ connect: { lookup: checkedLookup } }));
