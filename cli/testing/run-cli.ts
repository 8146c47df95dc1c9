import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "vitest";

const exec = promisify(execFile);

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

/** Runs a command with --json that must succeed, and parses its one JSON object. */
export async function cliJson(...args: string[]) {
  const res = await cli(...args, "--json");
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);

  return JSON.parse(res.stdout);
}
