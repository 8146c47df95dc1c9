import type { FeedPage } from "@/lib/base/contract.shared";
import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { active: boolean; exp?: number; client_id?: string; scope?: string };
type FeedEvent = FeedPage["events"][number];
type Hold = { arrived: Promise<void>; release: () => void };

/**
 * A real HTTP key manager for gateway tests: /oauth2/introspect (RFC 7662) and /oauth2/revocations (the
 * catch-up feed), both behind HTTP Basic decoded as RFC 6749 §2.3.1 says, with counters and a way to
 * hold an introspection answer back (to provoke the in-flight race).
 */
export function createFakeKeyManager({ clientId, clientSecret }: { clientId: string; clientSecret: string }) {
  const answers = new Map<string, Answer>();
  const feed: FeedEvent[] = [];
  const counters = { introspections: 0, feedCalls: 0, feedAfters: [] as number[], unauthorized: 0 };
  const holds: { arrived: () => void; released: Promise<void> }[] = [];

  const authorized = (header = "") => {
    const decoded = Buffer.from(header.replace(/^Basic /, ""), "base64").toString();
    const [id, secret] = decoded.split(":").map((s) => decodeURIComponent(s.replace(/\+/g, " ")));
    const ok = header.startsWith("Basic ") && id === clientId && secret === clientSecret;
    if (!ok) counters.unauthorized += 1;

    return ok;
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://km");
    let body = "";
    for await (const chunk of req) body += chunk;
    if (!authorized(req.headers.authorization)) return json(res, 401, { error: "invalid_client" });
    if (req.method === "POST" && url.pathname === "/oauth2/introspect") {
      counters.introspections += 1;
      const token = new URLSearchParams(body).get("token") ?? "";
      const answer = answers.get(token) ?? { active: false }; // decided now, delivered after any hold
      const hold = holds.shift();
      if (hold) {
        hold.arrived();
        await hold.released;
      }

      return json(res, 200, answer);
    }
    if (req.method === "GET" && url.pathname === "/oauth2/revocations") {
      const after = Number(url.searchParams.get("after") ?? "0");
      const limit = Number(url.searchParams.get("limit") ?? "100");
      if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500)
        return json(res, 400, { error: "invalid_request" });
      counters.feedCalls += 1;
      counters.feedAfters.push(after);
      const rest = feed.filter((e) => e.sequence > after).sort((a, b) => a.sequence - b.sequence);
      const events = rest.slice(0, limit);

      return json(res, 200, { events, next_after: events.at(-1)?.sequence ?? after, has_more: rest.length > limit });
    }
    json(res, 404, { error: "not_found" });
  });

  return {
    answers,
    feed,
    counters,
    get url() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    /** The next introspection waits until released; `arrived` resolves once the gateway's request is in. */
    holdNextIntrospection(): Hold {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((r) => (arrived = r));
      holds.push({ arrived, released: new Promise<void>((r) => (release = r)) });

      return { arrived: arrivedP, release };
    },
    listen: (port = 0) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

export type FakeKeyManager = ReturnType<typeof createFakeKeyManager>;
