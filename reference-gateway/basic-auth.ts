/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined and base64-encoded. */
export function basicAuth(clientId: string, clientSecret: string): string {
  const formEncode = (s: string) => new URLSearchParams([["", s]]).toString().slice(1);

  return `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString("base64")}`;
}
