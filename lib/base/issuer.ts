/** The issuer identifier (RFC 8414 §2) without a trailing slash; endpoints hang off it. */
export const issuer = () => (process.env.PORTCULLIS_ISSUER || "http://localhost:3000").replace(/\/+$/, "");
