import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { describeError, print, type Result } from "./output";

export type Run = ReturnType<typeof runner>;

/**
 * Wraps a command: migrates the database first (so the CLI works on a fresh one), prints the
 * result, and turns any failure into a message on stderr and exit code 1.
 */
export function runner(isJson: () => boolean) {
  return <A extends unknown[]>(command: (...args: A) => Promise<Result>) =>
    async (...args: A) => {
      try {
        await migrate(env.DATABASE_URL);
        print(await command(...args), isJson());
        process.exit(0);
      } catch (err) {
        process.stderr.write(`error: ${describeError(err)}\n`);
        process.exit(1);
      }
    };
}
