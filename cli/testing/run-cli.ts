import { actorName } from "@/lib/engine/identity/actor.shared";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "vitest";
import { cliOperator } from "../operator";
import { buildProgram } from "../program";

const exec = promisify(execFile);

// Every command, in this process or the spawned bin, acts as one named operator.
process.env.PORTCULLIS_OPERATOR ??= "vitest";
/** How the audit trail and the tokens list name the CLI's operator. */
export const OPERATOR = actorName(cliOperator());

/** Runs the real `portcullis` bin against the test database; resolves with exit code and both streams. */
export async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await exec("node", ["bin/portcullis.mjs", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

class CliExit extends Error {
  constructor(readonly code: number) {
    super(`portcullis exited with ${code}`);
  }
}

/**
 * The same command tree as the bin, run in this process: a spawn costs seconds of module loading, so the bin
 * itself (exit codes, streams, stdin) is tested through `cli`, and commands' behaviour through this.
 */
async function cliInProcess(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const program = await buildProgram(
    {
      out: (text) => (stdout += text),
      err: (text) => (stderr += text),
      exit: (code) => {
        throw new CliExit(code);
      },
    },
    args,
  );
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (err) {
    if (!(err instanceof CliExit)) throw err;

    return { code: err.code, stdout, stderr };
  }
  throw new Error(`portcullis ${args.join(" ")} returned without exiting`);
}

/** Runs a command with --json that must succeed, and parses its one JSON object. */
export async function cliJson(...args: string[]) {
  const res = await cliInProcess(...args, "--json");
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);

  return JSON.parse(res.stdout);
}
