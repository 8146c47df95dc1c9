import { AppError } from "@/lib/base/errors.shared";
import * as z from "zod";

/** What a command returns: one object, printed as JSON with --json or as aligned lines for people. */
export type Result = Record<string, unknown>;

/** A result printed like any other, ending with a non-zero code: the command ran, and what it checked failed. */
export class Failed {
  constructor(
    readonly result: Result,
    readonly code: number,
  ) {}
}

export function print(result: Result, json: boolean, out: (text: string) => void) {
  if (json) {
    out(`${JSON.stringify(result)}\n`);
    return;
  }
  const line = (text: string) => out(`${text}\n`);
  // A listing is one key holding rows, e.g. { tokens: [...], next_cursor }: people get the rows, then the rest.
  const listKey = Object.keys(result).find((k) => Array.isArray(result[k]));
  const rows = listKey ? (result[listKey] as Record<string, unknown>[]) : [result];
  if (rows.length === 0) line("(none)");
  for (const row of rows) {
    const width = Math.max(...Object.keys(row).map((k) => k.length));
    for (const [key, value] of Object.entries(row))
      line(`${key.padEnd(width)}  ${typeof value === "object" && value !== null ? JSON.stringify(value) : (value ?? "")}`);
    if (rows.length > 1) line("");
  }
  if (listKey) for (const [key, value] of Object.entries(result)) if (key !== listKey && value !== null) line(`${key}  ${value}`);
}

/** A readable one-line reason for stderr; internals stay out of it unless PORTCULLIS_DEBUG is set. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const fields = Object.entries(err.fields ?? {}).map(([f, msgs]) => `${f}: ${msgs.join(" ")}`);
    return fields.length ? fields.join("; ") : err.message;
  }
  if (err instanceof z.ZodError) return err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  if (process.env.PORTCULLIS_DEBUG) console.error(err);

  return err instanceof Error ? err.message : String(err);
}
