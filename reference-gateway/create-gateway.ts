import { timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { matchApi } from "./api-routes";
import { basicAuth } from "./basic-auth";
import { createCatchUp } from "./catch-up";
import { fetchRevocations } from "./fetch-revocations";
import { createGatewayState, gatewayStats, isFresh, sweepGatewayState } from "./gateway-state";
import { createNoticeHandler } from "./handle-notice";
import { introspect, KeyManagerUnavailable } from "./introspect";
import { createLogger } from "./log";
import { gatewayOptionsSchema, type GatewayInput } from "./options";
import { createProxy } from "./proxy";
import { createTierLimiter, type TierLimits } from "./rate-limit";
import { sendJson } from "./send-json";
import { createApiValidator } from "./validate-for-api";
import { createJwtValidator, looksLikeJwt } from "./validate-jwt";
import { createValidator } from "./validate-token";
import { createVerifiers } from "./verify-notice";

const SWEEP_MS = 30_000;
const LEASE_WATCH_MS = 1_000;
const CHALLENGE = { "www-authenticate": 'Bearer error="invalid_token"' };

/** Answers a refusal; null, for the caller to stop at. */
const refuse = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
  sendJson(res, status, body, headers);

  return null;
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The stats name which tokens were evicted and when: for the machine itself, or for whoever holds
 * the gateway's own client credentials (the same Basic header it sends the key manager).
 */
export function statsAllowed(req: IncomingMessage, expected: string): boolean {
  if (LOOPBACK.test(req.socket.remoteAddress ?? "")) return true;
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(expected);

  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** A reference gateway: validates bearer tokens by cached introspection, proxies, and evicts on signed notices. */
export function createGateway(input: GatewayInput) {
  const options = gatewayOptionsSchema.parse(input);
  const { keyManager, clientId, clientSecret, timeoutMs } = options;
  const log = createLogger(options.quiet);
  const limiter = createTierLimiter({ redisUrl: options.rateLimitRedis, prefix: options.rateLimitPrefix, log });
  const state = createGatewayState({ ...options, limiter });
  const validate = createValidator({
    state,
    introspect: (token) => introspect({ keyManager, clientId, clientSecret, token, timeoutMs }),
    ttlMs: options.ttl * 1000,
    negativeTtlMs: options.negativeTtlMs,
  });
  const fetchPage = (after: number) => fetchRevocations({ keyManager, clientId, clientSecret, after, timeoutMs });
  const catchUp = createCatchUp({ state, fetchPage, backoff: options.backoff, log });
  const handleNotice = createNoticeHandler({ state, verifiers: createVerifiers(options.signingSecret), catchUp, log });
  const validateForApi = createApiValidator({
    state,
    introspect: (token, api) => introspect({ keyManager, clientId, clientSecret, token, timeoutMs, api }),
    ttlMs: options.ttl * 1000,
    negativeTtlMs: options.negativeTtlMs,
  });
  const validateJwt = options.localJwt ? createJwtValidator({ state, keyManager, timeoutMs }) : null;
  const proxy = options.upstream ? createProxy(options.upstream, options.jwtHeader) : null;
  const apis = options.apis.map((api) => ({ ...api, proxy: createProxy(api.upstream, options.jwtHeader) }));
  type MatchedApi = { route: (typeof apis)[number]; rest: string };

  /**
   * Validates the request's bearer token as every protected route does (lease, local JWTs, the API's
   * subscription and tier). Answers a refusal itself and returns null; else what the upstream is sent.
   */
  const admit = async (req: IncomingMessage, res: ServerResponse, api: MatchedApi | null): Promise<{ backendJwt?: string } | null> => {
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(req.headers.authorization ?? ""); // RFC 6750 §2.1 b64token
    if (!match) return refuse(res, 401, { error: "invalid_token" }, CHALLENGE);
    const fresh = isFresh(state);
    if (!fresh && options.onStale === "refuse") {
      state.counters.staleRefusals += 1;

      return refuse(res, 503, { error: "temporarily_unavailable" }, { "retry-after": "1" });
    }
    let backendJwt: string | undefined;
    try {
      // Local mode: a JWT that does not verify here is refused at once; one that does needs no introspection
      // unless an API's subscription and tier (known only to the key manager) must be checked as well.
      // A stale gateway may have missed its revocation: it introspects the JWT instead.
      const local = validateJwt && looksLikeJwt(match[1]) ? await validateJwt(match[1]) : null;
      if (local?.active && !fresh) state.counters.staleIntrospections += 1;
      if (local && !local.active) return refuse(res, 401, { error: "invalid_token" }, CHALLENGE);
      const answer = api ? await validateForApi(match[1], api.route) : ((fresh ? local : null) ?? (await validate(match[1])));
      if (!answer.active) return refuse(res, 401, { error: "invalid_token" }, CHALLENGE);
      if (typeof answer.backend_jwt === "string") backendJwt = answer.backend_jwt;
      if (api) {
        // The subscription's tier (validated by introspect()), per client and API.
        const { tier } = answer as unknown as { tier: TierLimits };
        const wait = await state.limiter.take(`${String(answer.client_id)} ${api.route.context} ${api.route.version}`, tier);
        if (wait > 0) {
          state.counters.rateLimited += 1;

          return refuse(res, 429, { error: "rate_limited" }, { "retry-after": String(wait) });
        }
      }
    } catch (err) {
      if (!(err instanceof KeyManagerUnavailable)) throw err;
      log.warn(err.message);

      return refuse(res, 503, { error: "temporarily_unavailable" }, { "retry-after": "1" });
    }

    return { backendJwt };
  };

  const handleProxied = async (req: IncomingMessage, res: ServerResponse) => {
    const api = matchApi(apis, req.url ?? "/");
    if (!api && !proxy) return sendJson(res, 404, { error: "no_such_api" });
    const admitted = await admit(req, res, api);
    if (!admitted) return;
    if (api) api.route.proxy.forward(req, res, api.rest, admitted.backendJwt);
    else proxy!.forward(req, res);
  };

  // README, "Canary": admits any token introspected active, as a proxied route would, and forwards nothing.
  const handleCanary = async (req: IncomingMessage, res: ServerResponse) => {
    if (await admit(req, res, null)) sendJson(res, 200, { status: "admitted" });
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === options.revokePath) return handleNotice(req, res);
    if (path === "/_gateway/health") return sendJson(res, 200, { status: "ok" });
    if (path === "/_gateway/canary") return handleCanary(req, res);
    if (path === "/_gateway/stats") {
      if (statsAllowed(req, basicAuth(clientId, clientSecret))) return sendJson(res, 200, gatewayStats(state));

      return sendJson(res, 401, { error: "unauthorized" }, { "www-authenticate": 'Basic realm="gateway stats"' });
    }
    if (path.startsWith("/_gateway/")) return sendJson(res, 404, { error: "not_found" });

    return handleProxied(req, res);
  };

  const server = http.createServer((req, res) => {
    route(req, res)?.catch((err: Error) => {
      log.error(`request failed: ${err.name}`);
      if (!res.headersSent) sendJson(res, 500, { error: "server_error" });
      else res.destroy();
    });
  });
  let sweeper: NodeJS.Timeout | undefined;
  let leaseWatch: NodeJS.Timeout | undefined; // logs each change between fresh and stale
  let wasFresh = true;

  return {
    options,
    /** Starts serving, then catches up from the feed in the background (the gateway serves meanwhile). */
    async listen(): Promise<{ port: number }> {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => resolve());
      });
      sweeper = setInterval(() => sweepGatewayState(state), SWEEP_MS).unref();
      leaseWatch = setInterval(() => {
        if (isFresh(state) === wasFresh) return;
        wasFresh = !wasFresh;
        if (wasFresh) log.info("lease: heard from the key manager again; serving from the cache");
        else
          log.warn(
            `lease: nothing valid heard within ${state.lease.toJSON().lease_seconds} s, or catching up; ${options.onStale === "refuse" ? "refusing (503)" : "introspecting every request"}`,
          );
      }, LEASE_WATCH_MS).unref();
      const { port } = server.address() as AddressInfo;
      const routes = apis.map((a) => `${a.context}/${a.version} → ${a.upstream}`);
      log.info(
        `listening on http://${options.host}:${port} → ${[...routes, options.upstream ?? []].flat().join(", ")}; revoke path ${options.revokePath}` +
          (options.rateLimitRedis ? "; tier limits counted in Redis" : ""),
      );
      catchUp.request(state.lastSequence);

      return { port };
    },
    async close() {
      catchUp.stop();
      clearInterval(sweeper);
      clearInterval(leaseWatch);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      proxy?.close();
      for (const api of apis) api.proxy.close();
      limiter.close();
    },
    stats: () => gatewayStats(state),
  };
}

export type Gateway = ReturnType<typeof createGateway>;
