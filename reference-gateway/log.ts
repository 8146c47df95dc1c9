export type Logger = { info(msg: string): void; warn(msg: string): void; error(msg: string): void };

/** One line per event. Callers pass hashes and ids only: raw tokens and secrets never reach a log. */
export function createLogger(quiet: boolean): Logger {
  const line = (level: string, msg: string) => `${new Date().toISOString()} gateway ${level} ${msg}`;

  return {
    info: (msg) => void (quiet || console.log(line("info", msg))),
    warn: (msg) => void (quiet || console.warn(line("warn", msg))),
    error: (msg) => console.error(line("error", msg)),
  };
}
