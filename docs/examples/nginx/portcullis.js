// The Portcullis gateway contract in njs: introspection per API (the README's "Validation info per API"), signed notices
// (Standard Webhooks), and — where njs has shared memory (>= 0.8.5) — a cache keyed by the SHA-256 of the bearer
// token and the API, evicted by notices, guarded against the in-flight race, refilled-safe by the catch-up feed.
// On njs 0.7 (Debian 12) there is no shared memory: every request is introspected, so nothing can go stale. Written
// for njs 0.7's parser too: no `for…of`, no destructuring, no optional catch binding.
import crypto from "crypto";

const KM = process.env.PORTCULLIS_KEY_MANAGER; // e.g. http://127.0.0.1:3000 (an IP, or configure `resolver`)
const form = (s) => encodeURIComponent(s).replace(/%20/g, "+"); // RFC 6749 §2.3.1: encode, then base64
const BASIC =
  "Basic " + Buffer.from(form(process.env.PORTCULLIS_CLIENT_ID) + ":" + form(process.env.PORTCULLIS_CLIENT_SECRET)).toString("base64");
// Comma-separated during a rotation; each "whsec_<base64>" keys the HMAC with its decoded bytes.
const KEYS = (process.env.PORTCULLIS_SIGNING_SECRET || "")
  .split(",")
  .filter(Boolean)
  .map((s) => Buffer.from(s.trim().slice(6), "base64"));
const TTL_MS = 300000;
const NEGATIVE_TTL_MS = 5000;
const SEEN_MS = 15 * 60000;
const FENCE_MS = TTL_MS; // as long as any entry it makes stale can live, and longer than any introspection takes
// The Portcullis README, "Heartbeat and lease": with nothing valid heard within the lease, cached answers are not
// trusted; "introspect" (the default) asks the key manager on every request, "refuse" answers 503 until it hears again.
const ON_STALE = process.env.PORTCULLIS_ON_STALE === "refuse" ? "refuse" : "introspect";
const INITIAL_LEASE_S = 30; // until the first gateway.heartbeat names the lease

const SHARED = typeof ngx.shared !== "undefined";
// "<sha256>[ <context> <version>]" → "1 <client_id> <started ms>" | "0 <started ms>"
const cache = SHARED ? ngx.shared.pcl_tokens : null;
const tombs = SHARED ? ngx.shared.pcl_tombstones : null; // sha256 → "r" | "u:<ms>"; "sub <client> <ctx> <ver>" → "u:<ms>"
const seen = SHARED ? ngx.shared.pcl_ids : null; // webhook-id → 1
// numbers: last (highest sequence), from (catch-up cursor, when pending), heard (ms of the newest signed notice),
// lease (s), resync (set when it heard again after the lease lapsed and must catch up before trusting its cache)
const state = SHARED ? ngx.shared.pcl_state : null;

const sha256 = (s) => crypto.createHash("sha256").update(s).digest("hex");
const apiKey = (api) => (api ? " " + api.context + " " + api.version : "");
const fenceKey = (clientId, api) => "sub " + clientId + apiKey(api);

// The API this location serves, from `set $pcl_api_context` / `set $pcl_api_version`; none means token validity only.
function apiOf(r) {
  const context = r.variables.pcl_api_context;
  const version = r.variables.pcl_api_version;

  return context && version ? { context: context, version: version } : null;
}

function introspectionBody(token, api) {
  let body = "token=" + encodeURIComponent(token);
  if (api) body += "&api_context=" + encodeURIComponent(api.context) + "&api_version=" + encodeURIComponent(api.version);

  return body;
}

// Has a notice overtaken what was known at `since` (when an introspection started)? A revocation always; an update or
// a subscription change of this client for this API when it arrived at or after `since`. Checked when an answer arrives
// and on every cache hit, so a notice costs one tombstone per token, not a scan of the cache.
function overtaken(hash, clientId, api, since) {
  const t = tombs.get(hash);
  if (t === "r" || (t && Number(t.slice(2)) >= since)) return true;
  const fence = clientId && api ? tombs.get(fenceKey(clientId, api)) : undefined;

  return fence !== undefined && Number(fence.slice(2)) >= since;
}

// Heard within the lease (counted from the signed timestamp: a replayed notice cannot extend it), and not still catching
// up after a lapse. Workers start the lease when the state is empty, like the feed's first catch-up.
function withinLease() {
  if (!state.has("heard")) state.set("heard", Date.now());

  return Date.now() - state.get("heard") <= (state.get("lease") || INITIAL_LEASE_S) * 1000;
}

function fresh() {
  return withinLease() && !state.has("resync");
}

// auth_request target: 204 admits, 401 refuses (anything else becomes a 500 in auth_request).
async function authorize(r) {
  const m = /^Bearer ([A-Za-z0-9\-._~+\/]+=*)$/.exec(r.headersIn.Authorization || "");
  if (!m) return r.return(401);
  const trusted = SHARED ? fresh() : true; // without a cache every request is introspected: nothing to distrust
  if (!trusted && ON_STALE === "refuse") return r.return(503);
  const api = apiOf(r);
  const hash = sha256(m[1]);
  const key = hash + apiKey(api);
  const hit = SHARED ? cache.get(key) : undefined;
  if (hit !== undefined && (trusted || hit.charAt(0) === "0")) {
    const parts = hit.split(" ");
    const active = parts[0] === "1";
    if (!overtaken(hash, active ? parts[1] : null, api, Number(parts[parts.length - 1]))) return r.return(active ? 204 : 401);
    cache.delete(key);
  }
  if (SHARED && tombs.get(hash) === "r") return r.return(401); // revoked: no need to ask

  const started = Date.now();
  let answer;
  try {
    const res = await ngx.fetch(KM + "/oauth2/introspect", {
      method: "POST",
      headers: { Authorization: BASIC, "Content-Type": "application/x-www-form-urlencoded" },
      body: introspectionBody(m[1], api),
    });
    if (res.status !== 200) return r.return(503);
    answer = await res.json();
  } catch (e) {
    ngx.log(ngx.WARN, "portcullis: introspection failed: " + e.message); // never log the token
    return r.return(503); // fail closed
  }
  if (SHARED) {
    if (overtaken(hash, answer.active ? answer.client_id : null, api, started)) return r.return(401);
    const ttl = answer.active ? Math.min(TTL_MS, answer.exp ? answer.exp * 1000 - Date.now() : TTL_MS) : NEGATIVE_TTL_MS;
    if (ttl > 0) cache.set(key, (answer.active ? "1 " + answer.client_id : "0") + " " + started, ttl);
  }
  r.return(answer.active ? 204 : 401);
}

// Per-API entries of these tokens go stale through their tombstones (checked on every hit).
function evictTokens(type, tokens) {
  tokens.forEach((t) => {
    cache.delete(t.token_hash);
    const left = Date.parse(t.expires_at) - Date.now();
    if (left > 0) tombs.set(t.token_hash, type === "token.revoked" ? "r" : "u:" + Date.now(), left);
  });
}

// subscription.changed: the fence makes every entry of that client for that API, cached or on its way, stale.
function evictSubscription(clientId, api) {
  tombs.set(fenceKey(clientId, api), "u:" + Date.now(), FENCE_MS);
}

// The same for a notice's data and a feed event; a type this gateway does not know is skipped (README, "`subscription.changed`").
function apply(type, event) {
  if (type === "token.revoked" || type === "token.updated") evictTokens(type, event.tokens || []);
  if (type === "subscription.changed" && event.client_id && event.api) evictSubscription(event.client_id, event.api);
}

function safeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);

  return diff === 0;
}

// POST /portcullis/revoke — Standard Webhooks v1: HMAC-SHA256 over "id.timestamp.body", timestamp within 5 min.
function revoke(r) {
  const id = r.headersIn["webhook-id"];
  const ts = r.headersIn["webhook-timestamp"] || "";
  const sigs = (r.headersIn["webhook-signature"] || "").split(" ");
  const body = r.requestText || "";
  if (!id || !/^\d+$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return r.return(401);
  const signed = id + "." + ts + "." + body;
  const ok = KEYS.some((key) => {
    const expected = crypto.createHmac("sha256", key).update(signed).digest("base64");
    return sigs.some((s) => s.startsWith("v1,") && safeEqual(s.slice(3), expected));
  });
  if (!ok) return r.return(401); // evict nothing

  let notice;
  try {
    notice = JSON.parse(body);
  } catch (e) {
    return r.return(400, "notice body is not JSON: " + e.message);
  }
  const status = notice.type === "gateway.ping" ? 200 : 204;
  if (!SHARED) return r.return(status); // nothing cached, nothing to evict: a verified notice is acknowledged
  const lapsed = !withinLease();
  const signedAt = Math.min(Date.now(), Number(ts) * 1000);
  if (signedAt > state.get("heard")) state.set("heard", signedAt);
  const data = notice.data || {};
  if (notice.type === "gateway.heartbeat") {
    // Fresh id each time, nothing stored: the lease it names, and a catch-up (next js_periodic tick) if it is ahead.
    if (typeof data.lease_seconds === "number" && data.lease_seconds > 0) state.set("lease", data.lease_seconds);
    const known = state.get("last") || 0;
    if (typeof data.sequence === "number" && data.sequence > known) {
      if (!state.has("from")) state.set("from", known);
      state.set("last", data.sequence);
    }
    if (lapsed && state.has("from")) state.set("resync", 1);
    return r.return(204);
  }
  if (seen.has(id)) return r.return(204); // at-least-once delivery: acknowledge, do not reprocess
  apply(notice.type, data);
  if (typeof data.sequence === "number") {
    const last = state.get("last") || 0;
    if (data.sequence > last + 1 && !state.has("from")) state.set("from", last); // a gap: catch up from here
    if (data.sequence > last) state.set("last", data.sequence);
  }
  if (lapsed && state.has("from")) state.set("resync", 1);
  seen.set(id, 1, SEEN_MS);
  r.return(status);
}

// js_periodic (njs >= 0.8): at start (empty state) and after a gap, page through the feed. One worker does it.
async function catchUp() {
  if (!SHARED || ngx.worker_id !== 0) return;
  if (!state.has("booted")) {
    state.set("booted", 1);
    state.set("from", 0);
  }
  if (!state.has("from")) return;
  let after = state.get("from");
  for (;;) {
    const res = await ngx.fetch(KM + "/oauth2/revocations?after=" + after + "&limit=20", { headers: { Authorization: BASIC } });
    if (res.status !== 200) return ngx.log(ngx.WARN, "portcullis catch-up: feed answered " + res.status); // next tick retries
    const page = await res.json();
    page.events.forEach((e) => {
      apply(e.type, e);
      seen.set(e.id, 1, SEEN_MS);
    });
    after = page.next_after;
    state.set("from", after); // progress survives a failure on the next page
    if (!page.has_more) break;
  }
  state.delete("from");
  state.delete("resync");
  if (after > (state.get("last") || 0)) state.set("last", after);
  ngx.log(ngx.INFO, "portcullis catch-up reached sequence " + after);
}

const handlers = { authorize, revoke, catchUp };

export default handlers;
