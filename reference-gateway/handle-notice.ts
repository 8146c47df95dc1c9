import { isHeartbeatNotice, isSubscriptionNotice, isTokenNotice } from "@/lib/base/contract.shared";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Webhook } from "standardwebhooks";
import { applyRevocation } from "./apply-revocation";
import { applySubscriptionChange } from "./apply-subscription-change";
import type { CatchUp } from "./catch-up";
import type { GatewayState } from "./gateway-state";
import type { Logger } from "./log";
import { BodyTooLarge, readBody } from "./read-body";
import { sendJson } from "./send-json";
import { verifyNotice } from "./verify-notice";

type HandleNoticeOptions = { state: GatewayState; verifiers: Webhook[]; catchUp: CatchUp; log: Logger };

const MAX_BODY = 1024 * 1024; // 500 tokens × ~250 bytes fits many times over

// POST <revoke path> — a signed notice (README, "Gateways"; lib/base/contract.shared.ts). Evicts before answering.
export function createNoticeHandler({ state, verifiers, catchUp, log }: HandleNoticeOptions) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") return sendJson(res, 405, { error: "method_not_allowed" }, { allow: "POST" });
    let body: string;
    try {
      body = await readBody(req, MAX_BODY);
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, { error: "payload_too_large" }, { connection: "close" });
      throw err;
    }
    const verified = verifyNotice({ verifiers, body, headers: req.headers });
    if (!verified.ok) {
      state.counters.noticesRejected += 1;
      log.warn(`notice rejected id=${String(req.headers["webhook-id"] ?? "-").slice(0, 80)}: ${verified.reason}`);

      return sendJson(res, verified.status, { error: verified.status === 401 ? "invalid_signature" : "invalid_request" });
    }
    const { id, signedAt, notice } = verified;
    const lapsed = !state.lease.within();
    state.lease.heard(signedAt); // anything signed, a retry of a notice seen before included
    // Back after a lapse with notices missed: the cache is trusted again once the catch-up has them.
    const resyncIfBehind = () => void (lapsed && catchUp.busy() && (state.resyncing = true));
    if (isHeartbeatNotice(notice)) {
      // Never stored or retried, each under a fresh id: nothing to de-duplicate.
      state.counters.heartbeats += 1;
      state.lease.renew(notice.data.lease_seconds);
      catchUp.observeLatest(notice.data.sequence);
      resyncIfBehind();

      return end(res, 204);
    }
    if (state.seen.has(id)) {
      log.info(`notice duplicate id=${id} ignored`);

      return end(res, 204);
    }
    state.counters.noticesAccepted += 1;
    state.seen.add(id);
    const sequence = notice.data?.sequence;
    if (isTokenNotice(notice)) applyRevocation(state, { type: notice.type, ...notice.data });
    if (isSubscriptionNotice(notice)) applySubscriptionChange(state, notice.data);
    if (sequence !== undefined) catchUp.observe(sequence);
    resyncIfBehind();
    const evicted = isTokenNotice(notice) ? notice.data.tokens.length : 0;
    log.info(`notice ${notice.type} id=${id} seq=${sequence ?? "-"} evicted=${evicted}`);

    return end(res, notice.type === "gateway.ping" ? 200 : 204);
  };
}

const end = (res: ServerResponse, status: number) => {
  res.writeHead(status, { "cache-control": "no-store", ...(status === 200 ? { "content-type": "application/json" } : {}) });
  res.end(status === 200 ? '{"ok":true}' : undefined);
};
