import { AppError } from "@/lib/base/errors.shared";
import { operatorActor, type Actor } from "@/lib/engine/identity/actor.shared";
import { userInfo } from "node:os";

const NAME = /^[a-z0-9._@-]{1,64}$/;

/** The OS account running the CLI; a container without a passwd entry still has $USER or $LOGNAME. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? "unknown";
  }
}

let operator: Actor | undefined;

/**
 * Who every command acts as: the operator named by PORTCULLIS_OPERATOR, else the OS user — audited
 * as "operator:<name> via cli". Built once per process. Lower-cased, so the trail's search finds it.
 */
export function cliOperator(): Actor {
  if (operator) return operator;
  const name = (process.env.PORTCULLIS_OPERATOR?.trim() || osUser()).toLowerCase();
  if (!NAME.test(name)) throw new AppError("bad_request", "PORTCULLIS_OPERATOR: use 1–64 letters, digits, '.', '_', '@' or '-'.");
  operator = operatorActor(name);

  return operator;
}
