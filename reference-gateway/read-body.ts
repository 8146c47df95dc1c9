import type { IncomingMessage } from "node:http";

export class BodyTooLarge extends Error {}

/** The raw body as UTF-8: signatures are computed over exactly these bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString("utf8");
}
