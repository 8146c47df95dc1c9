// `npm run gateway -- --help`: every option, and the environment variable that can stand in for it.
export const USAGE = `Usage: npm run gateway -- [options]

The reference gateway: proxies to an upstream, validates bearer tokens by introspection, caches the answers,
and evicts them when Portcullis sends a signed revocation notice.

Options (each also read from the environment variable shown):
  --port <n>               port to listen on                                  GATEWAY_PORT
  --host <addr>            address to listen on (default 127.0.0.1)           GATEWAY_HOST
  --upstream <url>         where valid requests are proxied to                GATEWAY_UPSTREAM
  --api <c:v=url>          an API: requests to <c>/<v>/… are validated for it, GATEWAY_APIS (comma-separated)
                           limited by the subscription's tier and proxied to url (repeatable)
  --key-manager <url>      the Portcullis issuer, e.g. http://localhost:3000  KEY_MANAGER_URL
  --client-id <id>         the gateway's introspection client id              GATEWAY_CLIENT_ID
  --client-secret <s>      its client secret                                  GATEWAY_CLIENT_SECRET
  --signing-secret <s>     whsec_… to verify notices; repeat during a rotation GATEWAY_SIGNING_SECRET
  --ttl <seconds>          cache lifetime of an answer (default 300)          GATEWAY_CACHE_TTL
  --revoke-path <path>     where notices arrive (default /portcullis/revoke)  GATEWAY_REVOKE_PATH
  --jwt-header <name>      header carrying an API's JWT to the backend        GATEWAY_JWT_HEADER
                           (default X-JWT-Assertion; a client's own is dropped)
  --local-jwt              verify JWT access tokens against the JWKS here,    GATEWAY_LOCAL_JWT=true
                           not by introspection (notices still revoke them)
  --on-stale <mode>        with nothing valid heard within the heartbeat's     GATEWAY_ON_STALE
                           lease: introspect every request (default), or
                           refuse (503) until it hears again
  --rate-limit-redis <url> count tier limits in Redis (redis://...)           GATEWAY_RATE_LIMIT_REDIS
                           for every gateway given the same URL and prefix
                           (default: in this process); while Redis does not
                           answer, each counts alone, and its stats say so
  --rate-limit-prefix <p>  its key prefix (default portcullis:tier)           GATEWAY_RATE_LIMIT_PREFIX
  --after <sequence>       catch up from this feed sequence (default 0)
  --quiet                  log less
  -h, --help               show this help
`;
