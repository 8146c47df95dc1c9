import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { BASE_URL } from "../../playwright.config";

const insecure = { [oauth.allowInsecureRequests]: true }; // the key manager runs on local http here

/**
 * A tiny client application served by the test: its page links to the authorization endpoint
 * (a fresh state and PKCE verifier each time), its callback records where the browser landed.
 * oauth4webapi does every protocol step, so passing means an RFC client interoperates.
 */
export async function startOAuthClient() {
  const as = await oauth.processDiscoveryResponse(
    new URL(BASE_URL),
    await oauth.discoveryRequest(new URL(BASE_URL), { algorithm: "oauth2", ...insecure }),
  );
  let pending: { state: string; verifier: string } | null = null;
  let landed: URL | null = null;
  let clientId = "";
  let clientSecret: string | null = null; // null: a public client (token_endpoint_auth_method none)
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", redirectUri());
    if (url.pathname === "/callback") {
      landed = url;
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Client</title><h1>Back at the client</h1>");
      return;
    }
    if (url.pathname !== "/") return void res.writeHead(404).end(); // e.g. /favicon.ico must not start another flow
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    pending = { state, verifier };
    const authorize = new URL(as.authorization_endpoint!);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri(),
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    }).toString();
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><title>Client</title><a href="${authorize.toString().replace(/&/g, "&amp;")}">Sign in with Portcullis</a>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const redirectUri = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const client = () => ({ client_id: clientId });
  const auth = () => (clientSecret === null ? oauth.None() : oauth.ClientSecretBasic(clientSecret));

  return {
    as,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    redirectUri: redirectUri(),
    /** The credentials the client got when it was registered (with this redirect URI). */
    register: (id: string, secret: string | null) => {
      clientId = id;
      clientSecret = secret;
    },
    /** The callback's parameters, checked by oauth4webapi (state, iss, error responses). */
    callback: () => oauth.validateAuthResponse(as, client(), landed!, pending!.state),
    async redeem() {
      const params = oauth.validateAuthResponse(as, client(), landed!, pending!.state);
      const res = await oauth.authorizationCodeGrantRequest(as, client(), auth(), params, redirectUri(), pending!.verifier, insecure);

      return oauth.processAuthorizationCodeResponse(as, client(), res);
    },
    async refresh(refreshToken: string) {
      return oauth.processRefreshTokenResponse(
        as,
        client(),
        await oauth.refreshTokenGrantRequest(as, client(), auth(), refreshToken, insecure),
      );
    },
    async active(token: string) {
      if (clientSecret === null) throw new Error("a public client cannot introspect");
      const res = await oauth.introspectionRequest(as, client(), auth(), token, insecure);

      return (await oauth.processIntrospectionResponse(as, client(), res)).active;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
