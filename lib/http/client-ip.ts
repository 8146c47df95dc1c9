/** Set by server.ts from the socket (or from X-Forwarded-For when TRUST_PROXY=1); any incoming copy is overwritten. */
export const CLIENT_IP_HEADER = "x-portcullis-client-ip";

export const clientIp = (req: { headers: { get(name: string): string | null } }): string | null => req.headers.get(CLIENT_IP_HEADER);
