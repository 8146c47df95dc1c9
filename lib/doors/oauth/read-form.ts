import { invalidRequest, payloadTooLarge } from "@/lib/base/oauth-errors";
import { MAX_BODY_BYTES, type OAuthRequest } from "./http-adapter";
const MAX_VALUE_CHARS = 4096;

export type FormParams = Map<string, string>;

/**
 * Reads an application/x-www-form-urlencoded body (RFC 6749 §3.2) strictly: other content types,
 * bodies over 64 KiB, invalid UTF-8, repeated or over-long parameters are invalid_request.
 */
export async function readForm(req: OAuthRequest): Promise<FormParams> {
  if (req.method !== "POST") throw invalidRequest("use POST");
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw invalidRequest("content type must be application/x-www-form-urlencoded");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw payloadTooLarge();

  const bytes = await req.body();
  if (bytes.byteLength > MAX_BODY_BYTES) throw payloadTooLarge();
  let body: string;
  try {
    body = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest("body is not valid UTF-8");
  }

  return parsePairs(body);
}

function parsePairs(body: string): FormParams {
  const params: FormParams = new Map();
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decode(pair.slice(eq + 1));
    if (params.has(name)) throw invalidRequest(`parameter "${name.slice(0, 64)}" is repeated`);
    if (value.length > MAX_VALUE_CHARS) throw invalidRequest(`parameter "${name.slice(0, 64)}" is too long`);
    params.set(name, value);
  }

  return params;
}

// decodeURIComponent rejects percent-escapes that are not UTF-8, which URLSearchParams would silently replace.
function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    throw invalidRequest("parameter is not valid percent-encoded UTF-8");
  }
}
