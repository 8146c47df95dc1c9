"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { tokenListQuerySchema, type TokenListQuery, type TokenSort } from "@/lib/base/list-query.shared";
import { useId } from "react";

export type TokenFilterValues = Required<Pick<TokenListQuery, "q" | "createdFrom" | "createdTo" | "expiresFrom" | "expiresTo">> & {
  state: "" | "active" | "expired" | "revoked";
  type: "" | "access_token" | "refresh_token";
  sort: TokenSort;
};

export const NO_FILTERS: TokenFilterValues = {
  q: "",
  state: "",
  type: "",
  sort: "created_desc",
  createdFrom: "",
  createdTo: "",
  expiresFrom: "",
  expiresTo: "",
};

const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof TokenFilterValues)[];

/** The filters a query string names (?q=…&state=…); a missing or invalid one stays at its default. */
export function filtersFromSearch(params: URLSearchParams): TokenFilterValues {
  const named = FILTER_KEYS.map((key) => [key, params.get(key)] as const).filter(
    ([key, raw]) => raw !== null && tokenListQuerySchema.shape[key].safeParse(raw).success,
  );

  return { ...NO_FILTERS, ...Object.fromEntries(named) };
}

/**
 * Puts the filters in the URL, beside what else it holds (?tab=), so a reload or a shared link keeps them.
 * history.replaceState is the App Router's shallow update: useSearchParams follows, no page is fetched.
 */
export function rememberFilters(filters: TokenFilterValues) {
  const params = new URLSearchParams(window.location.search);
  for (const key of FILTER_KEYS) {
    if (filters[key] === NO_FILTERS[key]) params.delete(key);
    else params.set(key, filters[key]);
  }
  window.history.replaceState(null, "", `?${params}`);
}

type TokenFiltersProps = { value: TokenFilterValues; onChange: (value: TokenFilterValues) => void };

/** Search by last 4, state, type, sort, and created/expiry ranges (the ranges folded away until wanted). */
export function TokenFilters({ value, onChange }: TokenFiltersProps) {
  const id = useId();
  const set = (key: keyof TokenFilterValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...value, [key]: e.target.value });
  const ranged = Boolean(value.createdFrom || value.createdTo || value.expiresFrom || value.expiresTo);

  return (
    <div role="search" aria-label="Filter tokens" className="grid gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className="col-span-2 grid gap-1.5 md:col-span-1">
          <Label htmlFor={`${id}-q`}>Last 4 characters</Label>
          <Input
            id={`${id}-q`}
            type="search"
            value={value.q}
            onChange={set("q")}
            placeholder="e.g. 9f3a"
            autoComplete="off"
            maxLength={100}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-state`}>State</Label>
          <NativeSelect id={`${id}-state`} value={value.state} onChange={set("state")}>
            <option value="">All states</option>
            <option value="active">Active</option>
            <option value="expired">Expired</option>
            <option value="revoked">Revoked</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-type`}>Type</Label>
          <NativeSelect id={`${id}-type`} value={value.type} onChange={set("type")}>
            <option value="">All types</option>
            <option value="access_token">Access</option>
            <option value="refresh_token">Refresh</option>
          </NativeSelect>
        </div>
        <div className="col-span-2 grid gap-1.5 md:col-span-1">
          <Label htmlFor={`${id}-sort`}>Sort</Label>
          <NativeSelect id={`${id}-sort`} value={value.sort} onChange={set("sort")}>
            <option value="created_desc">Newest first</option>
            <option value="created_asc">Oldest first</option>
            <option value="expires_asc">Expiring first</option>
            <option value="expires_desc">Expiring last</option>
          </NativeSelect>
        </div>
      </div>
      <details open={ranged || undefined} className="group text-sm">
        <summary className="w-fit cursor-pointer rounded-md text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
          Dates
        </summary>
        <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
          {(
            [
              ["createdFrom", "Created from"],
              ["createdTo", "Created until"],
              ["expiresFrom", "Expires from"],
              ["expiresTo", "Expires until"],
            ] as const
          ).map(([key, label]) => (
            <div key={key} className="grid gap-1.5">
              <Label htmlFor={`${id}-${key}`}>{label}</Label>
              <Input id={`${id}-${key}`} type="date" value={value[key]} onChange={set(key)} />
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
