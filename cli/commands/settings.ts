import { AppError } from "@/lib/base/errors.shared";
import { isSettingKey } from "@/lib/engine/settings/definitions.shared";
import { getAllSettings, updateSettings } from "@/lib/settings/settings";
import type { Command } from "commander";
import { flushAndReport } from "../flush-and-report";
import { cliOperator } from "../operator";
import type { Run } from "../run";

export function settingsCommands(program: Command, run: Run) {
  const settings = program.command("settings").description("read and change key manager settings (seconds)");
  settings
    .command("get [key]")
    .description("print one setting, or all of them")
    .action(
      run(async (key: string | undefined) => {
        const all = await getAllSettings({ actor: cliOperator() });
        if (key === undefined) return all;
        if (!isSettingKey(key)) throw new AppError("bad_request", `Unknown setting "${key}".`);

        return { [key]: all[key] };
      }),
    );
  settings
    .command("set <key> <value>")
    .description("validate and store a setting; it applies to the next request of every instance")
    .option("--confirm", "accept a refresh token maximum over 90 days")
    .action(
      run(async (key: string, value: string, o: { confirm?: boolean }) => {
        if (!isSettingKey(key)) throw new AppError("bad_request", `Unknown setting "${key}".`);
        const change = { [key]: value };
        const { settings: next, notices } = await updateSettings({
          change,
          actor: cliOperator(),
          confirmLongRefresh: o.confirm,
        });
        const gateways = await flushAndReport(notices); // only a new backend_jwt default has any

        return { [key]: next[key], ...(gateways.length > 0 ? { gateways } : {}) };
      }),
    );
}
