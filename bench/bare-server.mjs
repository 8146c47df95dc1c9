// The floor for `npm run bench`: a bare node:http server answering introspection JSON from a Map.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.env.PORT);
const count = Number(process.env.TOKENS);
const answers = new Map();
const now = Math.floor(Date.now() / 1000);
for (let i = 0; i < count; i++) {
  const token = `pcl_at_${randomBytes(32).toString("base64url")}`;
  answers.set(
    token,
    JSON.stringify({ active: true, client_id: "bench", token_type: "Bearer", scope: "", exp: now + 3600, iat: now, sub: "bench" }),
  );
}
createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const token = new URLSearchParams(body).get("token");
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(answers.get(token) ?? '{"active":false}');
  });
}).listen(port, "127.0.0.1", () => process.send({ ready: true, tokens: [...answers.keys()] }));
