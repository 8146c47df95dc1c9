// Client-safe: the forms show lifetimes in human units and send seconds.

export const DURATION_UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;
export type Duration = { amount: string; unit: DurationUnit };

const LARGEST_FIRST = (Object.keys(DURATION_UNITS) as DurationUnit[]).reverse();

/** The largest unit that states `seconds` exactly: 600 → 10 minutes, 90 → 90 seconds; nothing, 0 seconds (not "0 days"). */
export function fromSeconds(seconds: number | null | undefined, fallback: DurationUnit = "minutes"): Duration {
  if (seconds === null || seconds === undefined) return { amount: "", unit: fallback };
  const unit = seconds === 0 ? "seconds" : (LARGEST_FIRST.find((u) => seconds % DURATION_UNITS[u] === 0) ?? "seconds");

  return { amount: String(seconds / DURATION_UNITS[unit]), unit };
}

/**
 * Seconds for what was typed: null when left empty, NaN when it is not a number. Fractions are kept
 * (1.5 hours is 5400 s); a fraction of a second is left for the server to refuse.
 */
export function toSeconds({ amount, unit }: Duration): number | null {
  const trimmed = amount.trim();
  if (trimmed === "") return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return Number.NaN;

  return Math.round(Number(trimmed) * DURATION_UNITS[unit] * 1000) / 1000;
}

/** "10 minutes", "1 day", "90 seconds". */
export function formatDuration(seconds: number): string {
  const { amount, unit } = fromSeconds(seconds);

  return `${amount} ${amount === "1" ? unit.slice(0, -1) : unit}`;
}

/** Why a lifetime typed in `unit` is refused, said in that unit ("At most 60 minutes."), or null. */
export function lifetimeProblem(value: Duration, max: number): string | null {
  const seconds = toSeconds(value);
  if (seconds === null) return null;
  if (Number.isNaN(seconds)) return NOT_A_NUMBER;
  if (seconds <= 0) return `Must be more than 0 ${value.unit}.`;
  if (seconds > max) return `At most ${Number((max / DURATION_UNITS[value.unit]).toFixed(3)).toLocaleString("en")} ${value.unit}.`;

  return null;
}

export const NOT_A_NUMBER = "Enter a number, like 30.";
