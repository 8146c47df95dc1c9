/** A web Request's body, refused with `tooLarge()` once it passes `maxBytes` (before reading it all). */
export async function readLimitedBody(req: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }

  return Buffer.concat(chunks);
}
