import { apiValidationSchema } from "@/lib/base/contract.shared";
import type * as z from "zod";
import type { ApiRef } from "./api-routes";
import { basicAuth } from "./basic-auth";
import { introspectionSchema } from "./schemas";

export type Introspection = z.infer<typeof introspectionSchema>;
type IntrospectOptions = { keyManager: string; clientId: string; clientSecret: string; token: string; timeoutMs: number; api?: ApiRef };

/** The key manager could not answer: the gateway fails closed (503) and caches nothing. */
export class KeyManagerUnavailable extends Error {}

/**
 * RFC 7662 introspection with the gateway's own client credentials; with `api`, for that API version
 * (README, "Validation info per API"): an active answer must then carry the API's validation info.
 */
export async function introspect({ keyManager, clientId, clientSecret, token, timeoutMs, api }: IntrospectOptions): Promise<Introspection> {
  const params: Record<string, string> = api ? { token, api_context: api.context, api_version: api.version } : { token };
  let res: Response;
  try {
    res = await fetch(`${keyManager}/oauth2/introspect`, {
      method: "POST",
      headers: {
        authorization: basicAuth(clientId, clientSecret),
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    throw new KeyManagerUnavailable(`introspection failed: ${(err as Error).name}`);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new KeyManagerUnavailable(`introspection answered ${res.status}`);
  }
  const parsed = introspectionSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new KeyManagerUnavailable("introspection answer is not RFC 7662 JSON");
  if (api && parsed.data.active && !apiValidationSchema.safeParse(parsed.data).success)
    throw new KeyManagerUnavailable("introspection answer lacks the API's validation info");

  return parsed.data;
}
