/** Next's searchParams → the query's pairs, repeats kept (RFC 6749 §3.1: a repeated parameter is an error). */
export const queryEntries = (params: Record<string, string | string[] | undefined>): [string, string][] =>
  Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
