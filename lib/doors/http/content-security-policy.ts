/**
 * The pages' Content-Security-Policy: scripts only with this request's nonce (Next adds it to its
 * own scripts, and 'strict-dynamic' lets those load their chunks), no framing, no plugins, forms and
 * fetches to this origin only. Styles may be inline: Radix and our chart set style attributes.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, // React's dev build evaluates stacks
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`, // dev: hot reload
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
