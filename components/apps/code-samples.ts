// Ready-to-run snippets that fetch a token with the client credentials; the secret stays an environment variable.

export type CodeSample = { id: string; label: string; language: string; code: string };

export function codeSamples({ issuer, clientId }: { issuer: string; clientId: string }): CodeSample[] {
  const tokenUrl = `${issuer}/oauth2/token`;
  const insecure = issuer.startsWith("http:"); // oauth4webapi refuses plain http unless told

  return [
    {
      id: "curl",
      label: "curl",
      language: "shell",
      code: `curl -u "${clientId}:$CLIENT_SECRET" \\
  -d "grant_type=client_credentials" \\
  ${tokenUrl}`,
    },
    {
      id: "node",
      label: "Node",
      language: "javascript",
      code: `// npm install oauth4webapi
import * as oauth from "oauth4webapi";

const issuer = new URL("${issuer}");
const options = ${insecure ? "{ [oauth.allowInsecureRequests]: true }" : "{}"};
const as = await oauth
  .discoveryRequest(issuer, { algorithm: "oauth2", ...options })
  .then((res) => oauth.processDiscoveryResponse(issuer, res));
const client = { client_id: "${clientId}" };
const clientAuth = oauth.ClientSecretBasic(process.env.CLIENT_SECRET);

const res = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, new URLSearchParams(), options);
const { access_token, expires_in } = await oauth.processClientCredentialsResponse(as, client, res);`,
    },
    {
      id: "python",
      label: "Python",
      language: "python",
      code: `# pip install requests
import os
import requests

res = requests.post(
    "${tokenUrl}",
    auth=("${clientId}", os.environ["CLIENT_SECRET"]),
    data={"grant_type": "client_credentials"},
    timeout=10,
)
res.raise_for_status()
access_token = res.json()["access_token"]`,
    },
    {
      id: "go",
      label: "Go",
      language: "go",
      code: `// go get golang.org/x/oauth2
package main

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func main() {
	cfg := clientcredentials.Config{
		ClientID:     "${clientId}",
		ClientSecret: os.Getenv("CLIENT_SECRET"),
		TokenURL:     "${tokenUrl}",
	}
	// cfg.Client(ctx) gives an *http.Client that adds the token and renews it before it expires.
	token, err := cfg.Token(context.Background())
	if err != nil {
		panic(err)
	}
	fmt.Println(token.AccessToken)
}`,
    },
  ];
}
