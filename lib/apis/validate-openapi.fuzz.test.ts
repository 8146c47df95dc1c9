import { fuzzParameters } from "@/lib/testing/http/fuzz";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_OPENAPI_DEPTH, openapiProblems } from "./validate-openapi";

// Documents nested far deeper than any real one (an attacker's 30,000 arrays took 4.9 s and then a
// 500 on the recursion): each is refused with a clear problem, quickly, whatever its shape.
type Shape = { depth: number; arrays: boolean; json: boolean };
const nested = fc.record({ depth: fc.integer({ min: MAX_OPENAPI_DEPTH, max: 40_000 }), arrays: fc.boolean(), json: fc.boolean() });

/** An otherwise valid document whose `x-deep` holds `depth` containers, one inside the other. */
function document({ depth, arrays, json }: Shape) {
  const [open, close] = arrays ? ["[", "]"] : [json ? '{"a":' : "{a: ", "}"];
  const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;

  return json
    ? `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x-deep":${deep}}`
    : `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${deep}\n`;
}

describe("fuzz: deeply nested OpenAPI documents", () => {
  it("refuses each with a problem in under a second, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(nested, async (shape) => {
        const started = performance.now();
        const problems = await openapiProblems(document(shape));

        expect(problems.length, JSON.stringify(shape)).toBeGreaterThan(0);
        expect(problems[0]).toMatch(/nest|parse/i);
        expect(performance.now() - started).toBeLessThan(1_000);
      }),
      fuzzParameters(20),
    );
  });

  it("says how deep a document may nest: 30,000 arrays", async () => {
    const problems = await openapiProblems(document({ depth: 30_000, arrays: true, json: true }));

    expect(problems).toEqual([`The document nests deeper than ${MAX_OPENAPI_DEPTH} levels.`]);
  });

  it("accepts a document nested exactly as deep as allowed", async () => {
    // The document itself is one level: x-deep may hold one container fewer.
    expect(await openapiProblems(document({ depth: MAX_OPENAPI_DEPTH - 1, arrays: true, json: true }))).toEqual([]);
    expect(await openapiProblems(document({ depth: MAX_OPENAPI_DEPTH - 1, arrays: false, json: false }))).toEqual([]);
  });
});
