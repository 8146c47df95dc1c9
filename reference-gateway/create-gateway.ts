import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createCatchUp } from "./catch-up";
import { fetchRevocations } from "./fetch-revocations";
import { createGatewayState, gatewayStats, sweepGatewayState } from "./gateway-state";
import { createNoticeHandler } from "./handle-notice";
import { introspect, KeyManagerUnavailable } from "./introspect";
import { createLogger } from "./log";
import { gatewayOptionsSchema, type GatewayInput } from "./options";
import { createProxy } from "./proxy";
import { sendJson } from "./send-json";
import { createValidator } from "./validate-token";
import { createVerifiers } from "./verify-notice";

const SWEEP_MS = 30_000;
const CHALLENGE = { "www-authenticate": 'Bearer error="invalid_token"' };

/** A reference gateway: validates bearer tokens by cached introspection, proxies, and evicts on signed notices. */
export function createGateway(input: GatewayInput) {
  const options = gatewayOptionsSchema.parse(input);
  const { keyManager, clientId, clientSecret, timeoutMs } = options;
  const log = createLogger(options.quiet);
  const state = createGatewayState(options);
  const validate = createValidator({
    state,
    introspect: (token) => introspect({ keyManager, clientId, clientSecret, token, timeoutMs }),
    ttlMs: options.ttl * 1000,
    negativeTtlMs: options.negativeTtlMs,
  });
  const fetchPage = (after: number) => fetchRevocations({ keyManager, clientId, clientSecret, after, timeoutMs });
  const catchUp = createCatchUp({ state, fetchPage, backoff: options.backoff, log });
  const handleNotice = createNoticeHandler({ state, verifiers: createVerifiers(options.signingSecret), catchUp, log });
  const proxy = createProxy(options.upstream);

  const handleProxied = async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(req.headers.authorization ?? ""); // RFC 6750 §2.1 b64token
    if (!match) return sendJson(res, 401, { error: "invalid_token" }, CHALLENGE);
    try {
      const { active } = await validate(match[1]);
      if (!active) return sendJson(res, 401, { error: "invalid_token" }, CHALLENGE);
    } catch (err) {
      if (!(err instanceof KeyManagerUnavailable)) throw err;
      log.warn(err.message);

      return sendJson(res, 503, { error: "temporarily_unavailable" }, { "retry-after": "1" });
    }
    proxy.forward(req, res);
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === options.revokePath) return handleNotice(req, res);
    if (path === "/_gateway/health") return sendJson(res, 200, { status: "ok" });
    if (path === "/_gateway/stats") return sendJson(res, 200, gatewayStats(state));
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

  return {
    options,
    /** Starts serving, then catches up from the feed in the background (the gateway serves meanwhile). */
    async listen(): Promise<{ port: number }> {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => resolve());
      });
      sweeper = setInterval(() => sweepGatewayState(state), SWEEP_MS).unref();
      const { port } = server.address() as AddressInfo;
      log.info(`listening on http://${options.host}:${port} → ${options.upstream}; revoke path ${options.revokePath}`);
      catchUp.request(state.lastSequence);

      return { port };
    },
    async close() {
      catchUp.stop();
      clearInterval(sweeper);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      proxy.close();
    },
    stats: () => gatewayStats(state),
  };
}

export type Gateway = ReturnType<typeof createGateway>;
