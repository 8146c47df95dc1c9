// EXAMPLE ONLY — not run in CI. nginx >= 1.25 with njs >= 0.8.5 (per-key timeouts in shared dicts).
// Portcullis gateway contract in njs: cached introspection keyed by SHA-256 of the bearer token,
// signed revocation notices (Standard Webhooks), tombstones against the in-flight race, catch-up feed.
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

const cache = ngx.shared.pcl_tokens; // sha256 → "1" active | "0" inactive
const tombs = ngx.shared.pcl_tombstones; // sha256 → "r" revoked | "u:<ms>" updated at, kept until expires_at
const seen = ngx.shared.pcl_ids; // webhook-id → 1
const state = ngx.shared.pcl_state; // numbers: last (highest sequence), from (catch-up cursor, when pending)

const sha256 = (s) => crypto.createHash("sha256").update(s).digest("hex");

// auth_request target: 204 admits, 401 refuses (anything else becomes a 500 in auth_request).
async function authorize(r) {
  const m = /^Bearer ([A-Za-z0-9\-._~+\/]+=*)$/.exec(r.headersIn.Authorization || "");
  if (!m) return r.return(401);
  const hash = sha256(m[1]);
  if (tombs.get(hash) === "r") return r.return(401);
  const hit = cache.get(hash);
  if (hit !== undefined) return r.return(hit === "1" ? 204 : 401);

  const started = Date.now();
  let answer;
  try {
    const res = await ngx.fetch(KM + "/oauth2/introspect", {
      method: "POST",
      headers: { Authorization: BASIC, "Content-Type": "application/x-www-form-urlencoded" },
      body: "token=" + encodeURIComponent(m[1]),
    });
    if (res.status !== 200) return r.return(503);
    answer = await res.json();
  } catch {
    return r.return(503); // fail closed; never log the token
  }
  // In-flight race: a notice that arrived while we waited outranks this answer. Check now, not before.
  const t = tombs.get(hash);
  if (t === "r" || (t && Number(t.slice(2)) >= started)) return r.return(401);
  const ttl = answer.active ? Math.min(TTL_MS, answer.exp ? answer.exp * 1000 - Date.now() : TTL_MS) : NEGATIVE_TTL_MS;
  if (ttl > 0) cache.set(hash, answer.active ? "1" : "0", ttl);
  r.return(answer.active ? 204 : 401);
}

function evict(type, tokens) {
  for (const t of tokens) {
    cache.delete(t.token_hash);
    const left = Date.parse(t.expires_at) - Date.now();
    if (left > 0) tombs.set(t.token_hash, type === "token.revoked" ? "r" : "u:" + Date.now(), left);
  }
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
  if (seen.has(id)) return r.return(204); // at-least-once delivery: acknowledge, do not reprocess

  let notice;
  try {
    notice = JSON.parse(body);
  } catch {
    return r.return(400);
  }
  const data = notice.data || {};
  if (notice.type === "token.revoked" || notice.type === "token.updated") evict(notice.type, data.tokens || []);
  if (typeof data.sequence === "number") {
    const last = state.get("last") || 0;
    if (data.sequence > last + 1 && !state.has("from")) state.set("from", last); // a gap: catch up from here
    if (data.sequence > last) state.set("last", data.sequence);
  }
  seen.set(id, 1, SEEN_MS);
  r.return(notice.type === "gateway.ping" ? 200 : 204);
}

// js_periodic: at start (empty state) and after a gap, page through the feed. One worker does it.
async function catchUp() {
  if (ngx.worker_id !== 0) return;
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
    for (const e of page.events) {
      evict(e.type, e.tokens);
      seen.set(e.id, 1, SEEN_MS);
    }
    after = page.next_after;
    state.set("from", after); // progress survives a failure on the next page
    if (!page.has_more) break;
  }
  state.delete("from");
  if (after > (state.get("last") || 0)) state.set("last", after);
  ngx.log(ngx.INFO, "portcullis catch-up reached sequence " + after);
}

const handlers = { authorize, revoke, catchUp };

export default handlers;
