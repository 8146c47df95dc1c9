"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { EventKind } from "@/lib/audit/event-list-query";
import { useId } from "react";

export type ActivityFilterValues = { q: string; kind: "" | EventKind; from: string; to: string; sort: "newest" | "oldest" };
export const NO_ACTIVITY_FILTERS: ActivityFilterValues = { q: "", kind: "", from: "", to: "", sort: "newest" };

const KINDS: [EventKind, string][] = [
  ["app", "Applications"],
  ["secret", "Client secrets"],
  ["token", "Tokens"],
  ["gateway", "Gateways"],
  ["settings", "Token policy"],
];

/** Who (part of an email, "cli"), what kind of action, a date range, and the order. */
export function ActivityFilters({
  value,
  onChange,
  kinds = KINDS.map(([k]) => k),
}: {
  value: ActivityFilterValues;
  onChange: (value: ActivityFilterValues) => void;
  kinds?: EventKind[];
}) {
  const id = useId();
  const set = (key: keyof ActivityFilterValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...value, [key]: e.target.value });

  return (
    <div role="search" aria-label="Filter activity" className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <div className="col-span-2 grid gap-1.5 md:col-span-1">
        <Label htmlFor={`${id}-q`}>Who</Label>
        <Input
          id={`${id}-q`}
          type="search"
          value={value.q}
          onChange={set("q")}
          placeholder="email or cli"
          autoComplete="off"
          maxLength={100}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-kind`}>What</Label>
        <NativeSelect id={`${id}-kind`} value={value.kind} onChange={set("kind")}>
          <option value="">Everything</option>
          {KINDS.filter(([k]) => kinds.includes(k)).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-sort`}>Order</Label>
        <NativeSelect id={`${id}-sort`} value={value.sort} onChange={set("sort")}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-from`}>From</Label>
        <Input id={`${id}-from`} type="date" value={value.from} onChange={set("from")} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-to`}>Until</Label>
        <Input id={`${id}-to`} type="date" value={value.to} onChange={set("to")} />
      </div>
    </div>
  );
}
