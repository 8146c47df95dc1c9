/**
 * Headers every answer carries (pages get their Content-Security-Policy from proxy.ts, which
 * needs a fresh nonce per request). HSTS only when the public URL is https: on plain http it
 * would be ignored, and on localhost it would outlive the test.
 */
export function securityHeaders(publicUrl: URL): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    ...(publicUrl.protocol === "https:" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
