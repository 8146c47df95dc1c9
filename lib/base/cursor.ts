import { AppError } from "@/lib/base/errors.shared";

// Keyset pagination: a cursor is the sort value and id of the last row shown, so a page never
// skips or repeats rows when new ones arrive (OFFSET would). Opaque to clients: base64url JSON.

export type Cursor = { value: string; id: string };

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");

const invalid = () =>
  new AppError("bad_request", "This page link is not valid any more; start from the first page.", {
    cursor: ["Not a cursor this server wrote."],
  });

/** The cursor a client sent back; anything we did not write is a field error, never a 500. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string"))
      return { value: parsed[0], id: parsed[1] };
  } catch {
    // fall through to the error below
  }
  throw invalid();
}

/** Rows after the cursor in `direction` order of (field, id): Prisma's where for a keyset on a date (or, with `text`, a string). */
export function afterCursor(field: string, direction: "asc" | "desc", cursor: Cursor | undefined, { text = false } = {}) {
  if (!cursor) return {};
  if (!text && Number.isNaN(Date.parse(cursor.value))) throw invalid();
  const op = direction === "desc" ? "lt" : "gt";
  const at = text ? cursor.value : new Date(cursor.value);

  return { OR: [{ [field]: { [op]: at } }, { [field]: at, id: { [op]: cursor.id } }] };
}
