import { changeApiLifecycle } from "@/lib/apis/change-lifecycle";
import { findApiIdOrThrow } from "@/lib/apis/find-api-id-or-throw";
import { apiRefSchema, backendJwtSchema, type ApiSummary, type LifecycleAction } from "@/lib/apis/schemas.shared";
import { setBackendJwt } from "@/lib/apis/set-backend-jwt";
import { AppError } from "@/lib/base/errors.shared";
import { store } from "@/lib/data/store";
import { changeSubscription, type SubscriptionAction } from "@/lib/subscriptions/change-subscription";
import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

// The lifecycle, backend-JWT and subscription changes commit in the driver store; creating, listing and
// subscribing use Prisma, and their verbs load when their command runs, so that a change that tells the
// gateways never starts it (cli/compiled-cli.test.ts).

const apiIdOf = async (ref: string) => findApiIdOrThrow(apiRefSchema.parse(ref));

async function appIdOfClient(clientId: string): Promise<string> {
  const client = await store().findClient(clientId);
  if (!client?.appId || client.disabled) throw new AppError("not_found", `No application with client ${clientId}.`);

  return client.appId;
}

const apiJson = (a: ApiSummary) => ({
  id: a.id,
  name: a.name,
  context: a.context,
  version: a.version,
  status: a.status,
  gateway_url: a.gatewayUrl,
  approval_required: a.approvalRequired,
  tiers: a.tiers.map((t) => t.name),
  backend_jwt: a.backendJwt,
});

async function readOpenapi(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new AppError("bad_request", `Cannot read ${file}.`, { openapi: [`Cannot read ${file}.`] });
  }
}

export function apisCommands(program: Command, run: Run) {
  const apis = program.command("apis").description("publish API versions and move them along their lifecycle");
  apis
    .command("create")
    .description("register an API version as a draft")
    .requiredOption("--name <name>")
    .requiredOption("--context <path>", "e.g. /weather")
    .requiredOption("--version <version>", "e.g. v1")
    .option("--description <text>", "", "")
    .option("--openapi <file>", "an OpenAPI 3.x document, JSON or YAML")
    .option("--gateway-url <url>", "where subscribers call it")
    .option("--tiers <list>", "comma-separated tier names", "")
    .option("--approval", "subscriptions need an admin's approval", false)
    .action(
      run(
        async (o: {
          name: string;
          context: string;
          version: string;
          description: string;
          openapi?: string;
          gatewayUrl?: string;
          tiers: string;
          approval: boolean;
        }) => {
          const { createApi } = await import("@/lib/apis/create-api");
          const api = await createApi({
            actor: cliOperator(),
            name: o.name,
            context: o.context,
            version: o.version,
            description: o.description,
            openapi: await readOpenapi(o.openapi),
            gatewayUrl: o.gatewayUrl,
            tiers: o.tiers
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean),
            approvalRequired: o.approval,
          });

          return apiJson(api);
        },
      ),
    );
  apis
    .command("list")
    .description("every API version")
    .action(
      run(async () => {
        const { listAllApis } = await import("@/lib/apis/list-apis");

        return { apis: (await listAllApis({ actor: cliOperator() })).map(apiJson) };
      }),
    );
  apis
    .command("update")
    .description("JWT to the backend for an API version: on, off, or the global default (settings set backend_jwt)")
    .requiredOption("--api <context:version>", "e.g. /weather:v1")
    .requiredOption("--backend-jwt <choice>", "on, off or default")
    .action(
      run(async (o: { api: string; backendJwt: string }) => {
        const choice = backendJwtSchema.shape.backendJwt.safeParse(o.backendJwt);
        if (!choice.success) throw new AppError("bad_request", "--backend-jwt: use on, off or default.");
        const { backendJwt, notices } = await setBackendJwt({ apiId: await apiIdOf(o.api), backendJwt: choice.data, actor: cliOperator() });
        const gateways = await flushAndReport(notices);

        return { api: o.api, backend_jwt: backendJwt, notices: notices.sequences.length, gateways };
      }),
    );
  for (const action of ["publish", "deprecate", "retire"] as LifecycleAction[]) {
    apis
      .command(action)
      .description(action === "retire" ? "end every subscription; gateways hear of it" : `${action} an API version`)
      .requiredOption("--api <context:version>", "e.g. /weather:v1")
      .action(
        run(async (o: { api: string }) => {
          const { status, notices } = await changeApiLifecycle({ apiId: await apiIdOf(o.api), action, actor: cliOperator() });
          const gateways = await flushAndReport(notices);

          return { api: o.api, status, notices: notices.sequences.length, gateways };
        }),
      );
  }

  const tiers = program.command("tiers").description("rate-limit plans offered by APIs");
  tiers
    .command("create")
    .requiredOption("--name <name>")
    .requiredOption("--rpm <n>", "requests per minute")
    .option("--daily-quota <n>")
    .action(
      run(async (o: { name: string; rpm: string; dailyQuota?: string }) => {
        const { createTier } = await import("@/lib/apis/create-tier");
        const t = await createTier({ actor: cliOperator(), name: o.name, requestsPerMinute: o.rpm, dailyQuota: o.dailyQuota ?? null });

        return { id: t.id, name: t.name, requests_per_minute: t.requestsPerMinute, daily_quota: t.dailyQuota };
      }),
    );
  tiers.command("list").action(
    run(async () => {
      const { listTiers } = await import("@/lib/apis/create-tier");
      const tiers = (await listTiers({ actor: cliOperator() })).map((t) => ({
        id: t.id,
        name: t.name,
        requests_per_minute: t.requestsPerMinute,
        daily_quota: t.dailyQuota,
      }));

      return { tiers };
    }),
  );

  const subs = program.command("subscriptions").description("applications' subscriptions to API versions");
  subs
    .command("create")
    .description("subscribe an application (active at once: the operator approves)")
    .requiredOption("--client-id <id>")
    .requiredOption("--api <context:version>")
    .requiredOption("--tier <name>")
    .action(
      run(async (o: { clientId: string; api: string; tier: string }) => {
        const [appId, apiId] = [await appIdOfClient(o.clientId), await apiIdOf(o.api)];
        const { subscribe } = await import("@/lib/subscriptions/subscribe");
        const { id, status, notices } = await subscribe({ actor: cliOperator(), asAdmin: true, appId, apiId, tier: o.tier });
        const gateways = await flushAndReport(notices); // a gateway that cached the refusal admits the subscriber at once

        return { subscription_id: id, client_id: o.clientId, api: o.api, tier: o.tier, status, gateways };
      }),
    );
  const actions: [string, string, (o: { reason?: string; tier?: string }) => SubscriptionAction][] = [
    ["remove", "unsubscribe; gateways hear of it", () => ({ kind: "remove" })],
    ["approve", "approve a pending subscription or tier change", () => ({ kind: "approve" })],
    ["reject", "reject a request, or withdraw an approval", (o) => ({ kind: "reject", reason: o.reason ?? "" })],
    ["block", "block; gateways hear of it", (o) => ({ kind: "block", reason: o.reason ?? "" })],
    ["change-tier", "move to another tier the API offers", (o) => ({ kind: "change_tier", tier: o.tier ?? "" })],
  ];
  for (const [verb, description, action] of actions) {
    const command = subs
      .command(verb)
      .description(description)
      .requiredOption("--client-id <id>")
      .requiredOption("--api <context:version>");
    if (verb === "reject" || verb === "block") command.option("--reason <text>");
    if (verb === "change-tier") command.requiredOption("--tier <name>");
    command.action(
      run(async (o: { clientId: string; api: string; reason?: string; tier?: string }) => {
        const [appId, apiId] = [await appIdOfClient(o.clientId), await apiIdOf(o.api)];
        const { status, notices } = await changeSubscription({
          where: { appId, apiId },
          action: action(o),
          actor: cliOperator(),
        });
        const gateways = await flushAndReport(notices);

        return { client_id: o.clientId, api: o.api, status, gateways };
      }),
    );
  }
}
