import { AppError, ERROR_STATUS } from "@/lib/base/errors.shared";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/data/db/connection-errors";
import * as z from "zod";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

/** Portal JSON errors: `{ error: { code, message, fields? } }`. Anything unexpected is logged and answered generically. */
export function toErrorResponse(err: unknown): Response {
  const reply = (status: number, error: ErrorBody["error"]) => Response.json({ error } satisfies ErrorBody, { status });
  if (err instanceof AppError) return reply(ERROR_STATUS[err.code], { code: err.code, message: err.message, fields: err.fields });
  if (err instanceof z.ZodError) {
    return reply(422, {
      code: "invalid_input",
      message: "Some fields need attention.",
      fields: z.flattenError(err).fieldErrors as Record<string, string[]>,
    });
  }
  if (err instanceof SyntaxError) return reply(400, { code: "bad_request", message: "The request body is not valid JSON." });
  if (isDatabaseUnavailable(err)) {
    console.error(`portal: database unavailable (${(err as { code?: string }).code ?? (err as Error).message})`);
    const body = {
      error: { code: "unavailable", message: "The service is briefly unavailable. Try again in a moment." },
    } satisfies ErrorBody;
    return Response.json(body, { status: 503, headers: { "Retry-After": RETRY_AFTER_SECONDS } });
  }
  console.error(err);

  return reply(500, { code: "internal", message: "Something went wrong." });
}
