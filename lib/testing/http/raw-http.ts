import { answerClientError, createFront, refuseExpectation } from "@/lib/doors/http/front";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * Sends bytes exactly as written (a fetch client would refuse a bad Host or an absolute-form
 * target) and parses the answer; the request should say `Connection: close`.
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const [head, ...rest] = text.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(" ")[1] ?? 0), headers, body: rest.join("\r\n\r\n") });
    });
  });
}

/** The real front on a free port; Next is replaced by a handler that echoes what it was handed. */
export async function startFront({ trustedHops = 0 } = {}) {
  const handleNext = (req: IncomingMessage, res: ServerResponse) => {
    const seen = { url: req.url, host: req.headers.host, ip: req.headers["x-portcullis-client-ip"] };
    const body = JSON.stringify(seen);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  };
  const server = createServer(createFront({ handleNext, trustedHops }))
    .on("clientError", answerClientError)
    .on("checkExpectation", refuseExpectation);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
