import { validate } from "@readme/openapi-parser";
import { parse as parseYaml } from "yaml";

/** Far deeper than any real document; the validator and the renderer recurse, and must not run out of stack. */
export const MAX_OPENAPI_DEPTH = 64;
const TOO_DEEP = `The document nests deeper than ${MAX_OPENAPI_DEPTH} levels.`;

/**
 * Parses an OpenAPI document (JSON or YAML) and validates it against the OpenAPI 3.x schema with
 * @readme/openapi-parser. External `$ref`s are refused: an admin's document must not make the server,
 * or a subscriber's browser, fetch URLs. Returns the problems, or none.
 */
export async function openapiProblems(text: string): Promise<string[]> {
  if (bracketDepth(text) > MAX_OPENAPI_DEPTH) return [TOO_DEEP];
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
  const shape = walkDocument(doc);
  if (shape === "too deep") return [TOO_DEEP];
  if (shape) return [`Inline the document's parts: external $ref "${shape.externalRef.slice(0, 200)}" is not followed.`];
  const result = await validate(structuredClone(doc) as never, { resolve: { external: false } });

  // The validator's messages end with a code frame; the first line says what is wrong.
  return result.valid ? [] : result.errors.slice(0, 5).map((e) => e.message.split("\n")[0].trim());
}

/**
 * How deep `[` and `{` nest in the text, outside double-quoted strings: the YAML parser takes
 * seconds over 40,000 nested flow collections, so those are refused before it runs. A bracket in
 * a YAML block scalar may count too; a real document has nowhere near 64 open at once.
 */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }

  return deepest;
}

/**
 * Walks the document without recursion (a hostile one nests 30,000 levels): "too deep" past
 * MAX_OPENAPI_DEPTH, else the first `$ref` that points outside it (the renderer would fetch it from
 * the reader's browser), else null.
 */
function walkDocument(doc: unknown): "too deep" | { externalRef: string } | null {
  const pending: [unknown, number][] = [[doc, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_OPENAPI_DEPTH) return "too deep";
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) return { externalRef: value };
      pending.push([value, depth + 1]);
    }
  }

  return null;
}
