import { invalidRequest, unsupportedGrantType } from "@/lib/base/oauth-errors";
import type * as z from "zod";
import type { FormParams } from "./read-form";

/** Validates form parameters; a failing `grant_type` is unsupported_grant_type, anything else invalid_request. */
export function parseParams<S extends z.ZodType>(schema: S, params: FormParams): z.infer<S> {
  const result = schema.safeParse(Object.fromEntries(params));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.path[0] === "grant_type" && params.has("grant_type")) throw unsupportedGrantType();

  throw invalidRequest(issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
}
