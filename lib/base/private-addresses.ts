import { issuer } from "./issuer";

export const PRIVATE_ADDRESSES_SETTING = "PORTCULLIS_GATEWAY_PRIVATE_ADDRESSES";

/**
 * Whether notices may go to loopback and private addresses. Set, the operator's word; unset, refuse when the
 * issuer is https — a production deployment, whose gateways an admin names by public address unless the operator
 * allows the private network — and allow otherwise (development, and the tests' gateways on 127.0.0.1).
 */
export function privateAddressesPolicy(): "allow" | "refuse" {
  const set = process.env[PRIVATE_ADDRESSES_SETTING];
  if (set) return set === "allow" ? "allow" : "refuse"; // env.ts refuses any other value at start; closed meanwhile

  return new URL(issuer()).protocol === "https:" ? "refuse" : "allow";
}

/** The rule that refused, as an operator would look it up: the setting and where its value came from. */
export const privateAddressesRule = () =>
  process.env[PRIVATE_ADDRESSES_SETTING]
    ? `${PRIVATE_ADDRESSES_SETTING}=refuse`
    : `${PRIVATE_ADDRESSES_SETTING} unset: refuse, as the issuer is https`;
