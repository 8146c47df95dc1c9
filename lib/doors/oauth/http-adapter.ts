import type { QueuedNotices } from "@/lib/data/store";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The little of HTTP the key manager's endpoints use. server.ts feeds it straight from node:http
 * (lib/doors/http/serve-oauth.ts) — without undici's Request, Response and web streams, which cost
 * more CPU than the endpoint's own work; tests call endpoints through lib/testing/web-handler.ts.
 */
export type OAuthRequest = {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
  body(): Promise<Uint8Array>; // throws a 413 OAuthError past MAX_BODY_BYTES
};
/** `notices`: what the request's transaction queued; the door flushes them once the answer is on its way. */
export type OAuthResult = { status: number; headers: Record<string, string>; body: string | null; notices?: QueuedNotices };
export type Endpoint = (req: OAuthRequest) => Promise<OAuthResult>;
