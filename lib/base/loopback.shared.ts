/** The loopback names a URL's hostname takes for this machine (WHATWG URL keeps IPv6 in brackets). */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

export const isLoopbackHost = (hostname: string) => (LOOPBACK_HOSTS as readonly string[]).includes(hostname);
