import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { sendInOrder } from "@/lib/engine/notices/send-in-order";
import { createGateway } from "@/lib/gateways/create-gateway";
import { deleteGateway } from "@/lib/gateways/delete-gateway";
import { listGateways } from "@/lib/gateways/list-gateways";
import { redeliver } from "@/lib/gateways/redeliver";
import { updateGateway } from "@/lib/gateways/update-gateway";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

async function gatewayIdByName(name: string): Promise<string> {
  const gateway = await db.gateway.findUnique({ where: { name: name.trim() }, select: { id: true } });
  if (!gateway) throw new AppError("not_found", `No gateway named ${name}.`);

  return gateway.id;
}

export function gatewaysCommands(program: Command, run: Run) {
  const gateways = program.command("gateways").description("manage the gateways told of revocations");
  gateways
    .command("add")
    .description("register a gateway; prints its client secret and signing secret once")
    .requiredOption("--name <name>")
    .requiredOption("--revoke-url <url>", "where the gateway accepts signed notices")
    .option("--environment <label>", "e.g. production or sandbox", "production")
    .action(
      run(async (o: { name: string; revokeUrl: string; environment: string }) => {
        const created = await createGateway({
          actor: cliOperator(),
          name: o.name,
          environment: o.environment,
          revokeUrl: o.revokeUrl,
        });

        return {
          gateway_id: created.gateway.id,
          client_id: created.clientId,
          client_secret: created.clientSecret,
          signing_secret: created.signingSecret,
        };
      }),
    );
  gateways
    .command("list")
    .description("every gateway with its delivery health")
    .action(
      run(async () => {
        const rows = await listGateways({ actor: cliOperator() });

        return {
          gateways: rows.map(({ health: h, ...g }) => ({
            id: g.id,
            name: g.name,
            environment: g.environment,
            revoke_url: g.revokeUrl,
            revoke_url_warning: g.revokeUrlWarning,
            client_id: g.clientId,
            enabled: g.enabled,
            state: h.state.kind, // README, "Gateway states"; the facts behind it in state_detail
            state_detail: h.state,
            last_success_at: h.lastSuccessAt,
            last_failure_at: h.lastFailureAt,
            last_error: h.lastError,
            pending: h.pending,
            failed: h.failed,
            latency_p50_ms: h.latencyP50Ms,
            latency_p99_ms: h.latencyP99Ms,
            delivered_last_hour: h.deliveredLastHour,
          })),
        };
      }),
    );
  for (const [verb, enabled] of [
    ["disable", false],
    ["enable", true],
  ] as const) {
    gateways
      .command(verb)
      .description(
        enabled
          ? "send the gateway its held notices, in order, and let it introspect again"
          : "hold the gateway's notices and stop its introspection",
      )
      .requiredOption("--name <name>")
      .action(
        run(async (o: { name: string }) => {
          const { gateway, notices } = await updateGateway({ gatewayId: await gatewayIdByName(o.name), enabled, actor: cliOperator() });
          // What was held while it was disabled goes out before the command exits; the worker retries the rest.
          const sent = await sendInOrder(notices);
          const held = notices.sequences.length
            ? { held: notices.sequences.length, held_acknowledged: sent.filter((a) => a.ok).length }
            : {};

          return { gateway_id: gateway.id, name: gateway.name, enabled: gateway.enabled, ...held };
        }),
      );
  }
  gateways
    .command("remove")
    .description("delete a gateway, its pending deliveries and its introspection client")
    .requiredOption("--name <name>")
    .action(
      run(async (o: { name: string }) => {
        const gatewayId = await gatewayIdByName(o.name);
        await deleteGateway({ gatewayId, actor: cliOperator() });

        return { gateway_id: gatewayId, removed: true };
      }),
    );
  gateways
    .command("redeliver")
    .description("queue every failed notice of a gateway again and send them now")
    .requiredOption("--name <name>")
    .action(
      run(async (o: { name: string }) => {
        const gatewayId = await gatewayIdByName(o.name);
        const { queued, notices } = await redeliver({ gatewayId, actor: cliOperator() });
        const attempts = await flushAndReport(notices);

        return { queued, acknowledged: attempts.filter((a) => a.acknowledged).length };
      }),
    );
}
