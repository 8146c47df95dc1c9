import { env } from "@/lib/base/env";
import { migrate } from "@/lib/data/db/migrate";
import { describeError, print, type Result } from "./output";

export type Run = ReturnType<typeof runner>;
/** Where a command writes and how it ends. */
export type CliIo = { out: (text: string) => void; err: (text: string) => void; exit: (code: number) => never };

/**
 * Wraps a command: migrates the database first (so the CLI works on a fresh one), prints the
 * result, and turns any failure into a message on stderr and exit code 1.
 */
export function runner(isJson: () => boolean, io: CliIo) {
  return <A extends unknown[]>(command: (...args: A) => Promise<Result>) =>
    async (...args: A) => {
      let result: Result;
      try {
        await migrate(env.DATABASE_URL);
        result = await command(...args);
      } catch (err) {
        io.err(`error: ${describeError(err)}\n`);
        return io.exit(1);
      }
      print(result, isJson(), io.out);
      io.exit(0);
    };
}
