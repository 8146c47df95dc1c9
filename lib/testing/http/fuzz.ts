import * as fc from "fast-check";
import { expect } from "vitest";

/**
 * Bounded runs so the suite stays fast; FUZZ_RUNS scales them (e.g. FUZZ_RUNS=10 for a long hunt)
 * and FUZZ_SEED replays a failure: fast-check prints the seed and the shrunk case when a property fails.
 */
export function fuzzParameters(runs: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x100000000);

  return { numRuns: Math.ceil(runs * Number(process.env.FUZZ_RUNS ?? 1)), seed, endOnFailure: true };
}

const RFC6749_ERRORS = new Set([
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
]);

/** Never a 5xx and never a stack trace, whatever was sent. */
export function expectNoServerError(status: number, body: string) {
  expect(status, body).toBeLessThan(500);
  expect(body).not.toMatch(/\n\s+at |node_modules|\.tsx?:\d+/);
}

/** An OAuth error is RFC 6749 §5.2 JSON: a known code and a description in its character set. */
export function expectOAuthAnswer(status: number, body: string) {
  expectNoServerError(status, body);
  if (status < 400) return;
  const parsed = JSON.parse(body);
  expect(RFC6749_ERRORS, body).toContain(parsed.error);
  if (parsed.error_description !== undefined) expect(parsed.error_description).toMatch(/^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/);
}

/** Strings an attacker reaches for: control characters, quotes, separators, long runs, non-UTF-8-ish escapes. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    "%",
    "%zz",
    "%ff%fe",
    "%00",
    "\u0000",
    "a=b",
    "&&",
    "==",
    '"',
    "\\",
    "'",
    "\r\n",
    "../..",
    "%2e%2e/",
    "[",
    "a b",
    "x:99999",
  ),
  fc.string({ unit: fc.constantFrom("%", "&", "=", "+", ":", "\\", '"', "a", "é", "\u2028"), maxLength: 30 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => "x".repeat(n)),
);
