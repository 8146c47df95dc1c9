"use client";

import { useEffect, useState } from "react";

const ABSOLUTE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "long" });
const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

/** "in 52 min", "3 days ago": the unit that reads best. */
export function relativeTime(iso: string, now: number): string {
  let amount = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }

  return RELATIVE.format(Math.round(amount), "year");
}

/** A time as people say it ("expires in 52 min"), the exact time on hover and to screen readers; ticks every 30 s. */
export function RelativeTime({ iso, prefix = "" }: { iso: string; prefix?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);

    return () => clearInterval(timer);
  }, []);
  const absolute = ABSOLUTE.format(new Date(iso));

  return (
    <time dateTime={iso} title={absolute} suppressHydrationWarning className="whitespace-nowrap">
      {prefix}
      {relativeTime(iso, now)}
      <span className="sr-only"> ({absolute})</span>
    </time>
  );
}
