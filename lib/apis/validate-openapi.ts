import { validate } from "@readme/openapi-parser";
import { parse as parseYaml } from "yaml";

/**
 * Parses an OpenAPI document (JSON or YAML) and validates it against the OpenAPI 3.x schema with
 * @readme/openapi-parser. External `$ref`s are refused: an admin's document must not make the server,
 * or a subscriber's browser, fetch URLs. Returns the problems, or none.
 */
export async function openapiProblems(text: string): Promise<string[]> {
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    return [`The document does not parse as JSON or YAML: ${(err as Error).message.split("\n")[0]}`];
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return ["The document must be an object."];
  const version = (doc as { openapi?: unknown }).openapi;
  if (typeof version !== "string" || !/^3\.\d+\.\d+/.test(version))
    return ["Only OpenAPI 3.x documents are accepted (an `openapi: 3.x.y` field)."];
  const external = externalRef(doc);
  if (external) return [`Inline the document's parts: external $ref "${external.slice(0, 200)}" is not followed.`];
  const result = await validate(structuredClone(doc) as never, { resolve: { external: false } });

  // The validator's messages end with a code frame; the first line says what is wrong.
  return result.valid ? [] : result.errors.slice(0, 5).map((e) => e.message.split("\n")[0].trim());
}

/** The first `$ref` that points outside the document, if any (the renderer would fetch it from the reader's browser). */
function externalRef(node: unknown): string | null {
  if (Array.isArray(node)) return node.map(externalRef).find((r) => r !== null) ?? null;
  if (typeof node !== "object" || node === null) return null;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) return value;
    const inner = externalRef(value);
    if (inner) return inner;
  }

  return null;
}
