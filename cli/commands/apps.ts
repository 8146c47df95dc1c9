import { createApp } from "@/lib/apps/create-app";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { Command } from "commander";
import type { Run } from "../run";

export function appsCommands(program: Command, run: Run) {
  const apps = program.command("apps").description("manage applications");
  apps
    .command("create")
    .description("register an application for a user; prints its client secret once")
    .requiredOption("--owner <email>", "the owner's email")
    .requiredOption("--name <name>")
    .option("--description <text>", "", "")
    .action(
      run(async (o: { owner: string; name: string; description: string }) => {
        const owner = await db.user.findUnique({ where: { email: o.owner.toLowerCase() }, select: { id: true, email: true } });
        if (!owner) throw new AppError("not_found", `No account with email ${o.owner}.`);
        const created = await createApp({ actor: owner, name: o.name, description: o.description, ip: null });

        return { app_id: created.app.id, client_id: created.clientId, client_secret: created.clientSecret };
      }),
    );
}
