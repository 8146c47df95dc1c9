import { canaryLine } from "@/lib/base/canary.shared";
import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { flushNotices } from "@/lib/engine/notices/flush-notices";
import { sendInOrder } from "@/lib/engine/notices/send-in-order";
import { createGateway } from "@/lib/gateways/create-gateway";
import { deleteGateway } from "@/lib/gateways/delete-gateway";
import { listGateways } from "@/lib/gateways/list-gateways";
import { redeliver } from "@/lib/gateways/redeliver";
import { updateGateway } from "@/lib/gateways/update-gateway";
import { verifyGateway } from "@/lib/gateways/verify-gateway";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import { Failed } from "../output";
import type { Run } from "../run";

async function gatewayIdByName(name: string): Promise<string> {
  const gateway = await db.gateway.findUnique({ where: { name: name.trim() }, select: { id: true } });
  if (!gateway) throw new AppError("not_found", `No gateway named ${name}.`);

  return gateway.id;
}

/** A gateway named by its id or its name. */
async function gatewayIdByRef(ref: string): Promise<string> {
  const byId = await db.gateway.findUnique({ where: { id: ref.trim() }, select: { id: true } });

  return byId?.id ?? gatewayIdByName(ref);
}

const CANARY_FAILED_EXIT = 3; // 1 is an error (no such gateway, no canary URL), 2 a usage error

export function gatewaysCommands(program: Command, run: Run) {
  const gateways = program.command("gateways").description("manage the gateways told of revocations");
  gateways
    .command("add")
    .description("register a gateway; prints its client secret and signing secret once")
    .requiredOption("--name <name>")
    .requiredOption("--revoke-url <url>", "where the gateway accepts signed notices")
    .option("--environment <label>", "e.g. production or sandbox", "production")
    .option("--canary-url <url>", "a route through the gateway that needs a valid token, for `gateways verify`")
    .action(
      run(async (o: { name: string; revokeUrl: string; environment: string; canaryUrl?: string }) => {
        const created = await createGateway({
          actor: cliOperator(),
          name: o.name,
          environment: o.environment,
          revokeUrl: o.revokeUrl,
          canaryUrl: o.canaryUrl,
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
            canary_url: g.canaryUrl,
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
            canary: h.canary?.outcome ?? null, // the newest canary run (README, "Canary")
            canary_refusal_ms: h.canary?.refusalMs ?? null,
            canary_at: h.canary?.startedAt ?? null,
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
    .command("update")
    .description("change a gateway's canary URL (empty: none)")
    .requiredOption("--name <name>")
    .requiredOption("--canary-url <url>", "a route through the gateway that needs a valid token")
    .action(
      run(async (o: { name: string; canaryUrl: string }) => {
        const { gateway } = await updateGateway({ gatewayId: await gatewayIdByName(o.name), canaryUrl: o.canaryUrl, actor: cliOperator() });

        return { gateway_id: gateway.id, name: gateway.name, canary_url: gateway.canaryUrl };
      }),
    );
  gateways
    .command("verify")
    .argument("<gateway>", "its id or name")
    .description("run the canary through a gateway (id or name): exit 3 unless it refused the revoked token in time")
    .action(
      run(async (ref: string) => {
        const run = await verifyGateway({ gatewayId: await gatewayIdByRef(ref), actor: cliOperator(), flush: flushNotices });
        const result = {
          outcome: run.outcome,
          refusal_ms: run.refusalMs,
          admitted_status: run.admittedStatus,
          refused_status: run.refusedStatus,
          acknowledged: run.acknowledged,
          detail: run.detail,
          summary: canaryLine(run),
        };

        return run.outcome === "passed" ? result : new Failed(result, CANARY_FAILED_EXIT);
      }),
    );
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
