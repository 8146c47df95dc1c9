import { expect, test } from "@playwright/test";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BASE_URL } from "../../playwright.config";
import { cli, registerClient } from "./cli";

// docs/examples/nginx run as a gateway: Debian's nginx and njs module in front of a real upstream, against the
// running portal. .ci/run installs them; elsewhere the test says what is missing instead of failing.
const NGINX = "/usr/sbin/nginx";
const NJS_MODULES = "/usr/lib/nginx/modules";
const EXAMPLE = path.resolve("docs/examples/nginx");
const installed = existsSync(NGINX) && existsSync(`${NJS_MODULES}/ngx_http_js_module.so`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** The example's nginx.conf with this test's paths, ports and API; without the shared-memory block on njs 0.7. */
function renderConfig(dir: string, { port, upstreamPort, context }: { port: number; upstreamPort: number; context: string }) {
  const conf = readFileSync(`${EXAMPLE}/nginx.conf`, "utf8")
    .replace('js_path "/etc/nginx/njs/";', `js_path "${dir}/";`)
    .replace("listen 8080;", `listen 127.0.0.1:${port};`)
    .replace("server 127.0.0.1:9000;", `server 127.0.0.1:${upstreamPort};`)
    .replace("location /weather/v1/", `location ${context}/v1/`)
    .replace("set $pcl_api_context /weather;", `set $pcl_api_context ${context};`);
  writeFileSync(`${dir}/nginx.conf`, conf);
  const check = () => {
    try {
      execFileSync(NGINX, ["-t", "-e", "stderr", "-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "pipe" });
      return "";
    } catch (e) {
      return String((e as { stderr?: Buffer }).stderr);
    }
  };
  const error = check();
  if (!error.includes('unknown directive "js_shared_dict_zone"')) return { sharedMemory: true, error };
  // njs 0.7: as README.md says, drop the shared-memory lines; portcullis.js then introspects every request.
  writeFileSync(`${dir}/nginx.conf`, conf.replace(/ *# shared memory: begin[\s\S]*?# shared memory: end\n/g, ""));

  return { sharedMemory: false, error: check() };
}

async function startUpstream() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url, forecast: "sunny" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));

  return { port: (server.address() as AddressInfo).port, seen, close: () => server.close() };
}

async function accessToken(clientId: string, clientSecret: string) {
  const res = await fetch(`${BASE_URL}/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  expect(res.status).toBe(200);

  return ((await res.json()) as { access_token: string }).access_token;
}

test("nginx + njs: subscribe, call through nginx, unsubscribe, refused within a second; notices verified", async () => {
  test.skip(!installed && !process.env.CI, `needs Debian's nginx and libnginx-mod-http-js (${NGINX}); .ci/run installs them`);
  test.setTimeout(90_000);
  const id = randomUUID().slice(0, 8);
  const context = `/nginx-${id}`;
  const gatewayName = `nginx ${id}`;
  const dir = mkdtempSync(path.join(tmpdir(), "pcl-nginx-"));
  chmodSync(dir, 0o755); // nginx's workers run as another user when the master is root
  mkdirSync(`${dir}/logs`);
  symlinkSync(NJS_MODULES, `${dir}/modules`);
  writeFileSync(`${dir}/portcullis.js`, readFileSync(`${EXAMPLE}/portcullis.js`));
  const upstream = await startUpstream();
  const port = await freePort();
  const gateway = cli("gateways", "add", "--name", gatewayName, "--revoke-url", `http://127.0.0.1:${port}/portcullis/revoke`);
  let nginx: ChildProcess | undefined;
  let logs = "";
  try {
    const rendered = renderConfig(dir, { port, upstreamPort: upstream.port, context });
    expect(rendered.error, "nginx -t").toBe("");
    test.info().annotations.push({ type: "njs", description: rendered.sharedMemory ? "shared-memory cache" : "no cache (njs 0.7)" });
    nginx = spawn(NGINX, ["-e", "stderr", "-p", dir, "-c", `${dir}/nginx.conf`, "-g", `daemon off; pid ${dir}/nginx.pid;`], {
      env: {
        ...process.env,
        PORTCULLIS_KEY_MANAGER: BASE_URL,
        PORTCULLIS_CLIENT_ID: gateway.client_id,
        PORTCULLIS_CLIENT_SECRET: gateway.client_secret,
        PORTCULLIS_SIGNING_SECRET: gateway.signing_secret,
      },
    });
    nginx.stderr?.on("data", (c) => (logs += c));
    const call = (token?: string) =>
      fetch(`http://127.0.0.1:${port}${context}/v1/forecast`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(
        (r) => r.status,
        () => 0,
      );
    await expect.poll(() => call(), { message: logs }).toBe(401); // up, and no token is refused

    cli("tiers", "create", "--name", `Gold ${id}`, "--rpm", "600");
    cli("apis", "create", "--name", `Nginx ${id}`, "--context", context, "--version", "v1", "--tiers", `Gold ${id}`);
    cli("apis", "publish", "--api", `${context}:v1`);
    const { clientId, clientSecret } = registerClient();
    const token = await accessToken(clientId, clientSecret);
    expect(await call(token), "active, but not subscribed").toBe(401);

    cli("subscriptions", "create", "--client-id", clientId, "--api", `${context}:v1`, "--tier", `Gold ${id}`);
    expect(await call(token)).toBe(200);
    expect(upstream.seen.at(-1)?.authorization, "the upstream never sees the token").toBeUndefined();

    // The CLI delivers the subscription.changed notice itself: nginx verifies its signature and acknowledges it.
    const removed = cli<{ gateways: { gateway: string; acknowledged: boolean }[] }>(
      "subscriptions",
      "remove",
      "--client-id",
      clientId,
      "--api",
      `${context}:v1`,
    );
    const unsubscribedAt = Date.now();
    await expect.poll(() => call(token), { timeout: 1_000, intervals: [50] }).toBe(401);
    expect(Date.now() - unsubscribedAt).toBeLessThan(1_000);
    expect(removed.gateways.find((g) => g.gateway === gatewayName)).toMatchObject({ acknowledged: true });

    // A notice signed with another secret is refused and changes nothing.
    const forged = await fetch(`http://127.0.0.1:${port}/portcullis/revoke`, {
      method: "POST",
      headers: {
        "webhook-id": `msg_${id}`,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,Zm9yZ2VkIHNpZ25hdHVyZQ==",
        "content-type": "application/json",
      },
      body: JSON.stringify({ type: "gateway.ping", timestamp: new Date().toISOString(), data: {} }),
    });
    expect(forged.status).toBe(401);
  } finally {
    nginx?.kill("SIGQUIT");
    upstream.close();
    cli("gateways", "remove", "--name", gatewayName); // later tests' revocations must not wait on a stopped gateway
    rmSync(dir, { recursive: true, force: true });
  }
});
