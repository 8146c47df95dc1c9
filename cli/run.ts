import { env } from "@/lib/base/env";
import { migrate } from "@/lib/data/db/migrate";
import { describeError, Failed, print, type Result } from "./output";

export type Run = ReturnType<typeof runner>;
/** Where a command writes and how it ends. */
export type CliIo = { out: (text: string) => void; err: (text: string) => void; exit: (code: number) => never };

/**
 * Wraps a command: migrates the database first (so the CLI works on a fresh one), prints the
 * result, and turns any failure into a message on stderr and exit code 1. A `Failed` result is
 * printed as well, and exits with its own code.
 */
export function runner(isJson: () => boolean, io: CliIo) {
  return <A extends unknown[]>(command: (...args: A) => Promise<Result | Failed>) =>
    async (...args: A) => {
      let result: Result | Failed;
      try {
        await migrate(env.DATABASE_URL);
        result = await command(...args);
      } catch (err) {
        io.err(`error: ${describeError(err)}\n`);
        return io.exit(1);
      }
      print(result instanceof Failed ? result.result : result, isJson(), io.out);
      io.exit(result instanceof Failed ? result.code : 0);
    };
}
