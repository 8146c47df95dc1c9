import type { Command } from "commander";
import { AppError } from "@/lib/http/errors";
import { isSettingKey } from "@/lib/settings/definitions";
import { getAllSettings, setSetting } from "@/lib/settings/settings";
import type { Run } from "../run";

export function settingsCommands(program: Command, run: Run) {
  const settings = program.command("settings").description("read and change key manager settings (seconds)");
  settings
    .command("get [key]")
    .description("print one setting, or all of them")
    .action(run(async (key: string | undefined) => {
      const all = await getAllSettings();
      if (key === undefined) return all;
      if (!isSettingKey(key)) throw new AppError("bad_request", `Unknown setting "${key}".`);

      return { [key]: all[key] };
    }));
  settings
    .command("set <key> <value>")
    .description("validate and store a setting; it applies to the next request of every instance")
    .action(run(async (key: string, value: string) => ({ [key]: await setSetting(key, value) })));
}
