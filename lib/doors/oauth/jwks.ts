import { publishedKeys } from "@/lib/engine/keys/key-ring";
import { type OAuthResult } from "./http-adapter";
import { oauthErrorResponse, oauthJson } from "./respond";

// GET /oauth2/jwks — RFC 7517 §5: the public keys of every signing key not yet expired. A verifier
// meeting an unknown kid fetches again: a new key is listed here before any instance signs with it.
export async function jwksEndpoint(): Promise<OAuthResult> {
  try {
    return oauthJson({ keys: await publishedKeys() }, 200, { "Cache-Control": "public, max-age=60" });
  } catch (err) {
    return oauthErrorResponse(err);
  }
}
