"use client";

import { RelativeTime } from "@/components/apps/relative-time";
import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTokenSearch } from "@/lib/client/tokens/admin-token-queries";
import type { SearchedToken, TokenSearchQuery } from "@/lib/tokens/token-search-query";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";
import { BulkRevokeDialog } from "./bulk-revoke-dialog";
import { TYPE_LABEL } from "./token-facts";
import { TokenStatus } from "./token-status";

const PAGE_SIZE = 50;
type Filters = Required<Pick<TokenSearchQuery, "clientId" | "owner" | "q" | "state">>;
const FIELDS = [
  ["q", "Token", "pcl_at_…9f3a or 9f3a"],
  ["owner", "Owner's email", ""],
  ["clientId", "Client ID", "pcl_ci_…"],
] as const;

/** Admin → Tokens: search every application's tokens, select active ones, see the blast radius, revoke. */
export function TokenSearch() {
  const id = useId();
  const [filters, setFilters] = useState<Filters>({ clientId: "", owner: "", q: "", state: "" });
  const query = useDeferredValue(filters);
  const pages = useCursorPages(query);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const search = useTokenSearch({ ...query, cursor: pages.cursor, limit: PAGE_SIZE });
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilters({ ...filters, [key]: e.target.value });
  const toggle = (t: SearchedToken, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(t.id);
      else next.delete(t.id);

      return next;
    });
  const selectable = search.data?.tokens.filter((t) => t.status === "active") ?? [];
  const allOnPage = selectable.length > 0 && selectable.every((t) => selected.has(t.id));

  return (
    <div className="grid min-w-0 gap-3">
      <div role="search" aria-label="Search tokens" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {FIELDS.map(([key, label, placeholder]) => (
          <div key={key} className="col-span-2 grid gap-1.5 md:col-span-1">
            <Label htmlFor={`${id}-${key}`}>{label}</Label>
            <Input
              id={`${id}-${key}`}
              type="search"
              value={filters[key]}
              onChange={set(key)}
              placeholder={placeholder}
              autoComplete="off"
              maxLength={254}
            />
          </div>
        ))}
        <div className="col-span-2 grid gap-1.5 md:col-span-1">
          <Label htmlFor={`${id}-state`}>State</Label>
          <NativeSelect id={`${id}-state`} value={filters.state} onChange={set("state")}>
            <option value="">All states</option>
            <option value="active">Active</option>
            <option value="expired">Expired</option>
            <option value="revoked">Revoked</option>
          </NativeSelect>
        </div>
      </div>
      {search.isPending && <p className="text-sm text-muted-foreground">Loading tokens…</p>}
      {search.isError && <p className="text-sm text-destructive">Could not search the tokens: {search.error.message}</p>}
      {search.data && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Pager
              noun="token"
              page={pages.page}
              pageSize={PAGE_SIZE}
              shown={search.data.tokens.length}
              total={search.data.total}
              hasNext={search.data.nextCursor !== null}
              loading={search.isPlaceholderData}
              onPrevious={pages.previous}
              onNext={() => search.data.nextCursor && pages.next(search.data.nextCursor)}
            />
            {selected.size > 0 && (
              <BulkRevokeDialog
                tokenIds={[...selected]}
                onDone={() => {
                  setSelected(new Set());
                  document.getElementById("token-search-heading")?.focus();
                }}
              />
            )}
          </div>
          <Table aria-label="Tokens" aria-busy={search.isPlaceholderData || undefined}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-8">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    aria-label="Select every active token on this page"
                    checked={allOnPage}
                    disabled={selectable.length === 0}
                    onChange={(e) => selectable.forEach((t) => toggle(t, e.target.checked))}
                  />
                </TableHead>
                <TableHead>Token</TableHead>
                <TableHead className="hidden md:table-cell">Application</TableHead>
                <TableHead className="hidden sm:table-cell">Expires</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {search.data.tokens.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} className="text-muted-foreground">
                    No token matches.
                  </TableCell>
                </TableRow>
              )}
              {search.data.tokens.map((t) => {
                const label = `${t.prefix}…${t.last4}`;
                const app = t.appId ? (
                  <Link href={`/admin/apps/${t.appId}`} className="[overflow-wrap:anywhere] underline-offset-4 hover:underline">
                    {t.appName}
                  </Link>
                ) : (
                  <code className="font-mono break-all">{t.clientId}</code>
                );

                return (
                  <TableRow key={t.id} data-testid={`search-row-${t.last4}`}>
                    <TableCell>
                      {t.status === "active" && (
                        <input
                          type="checkbox"
                          className="size-4 accent-primary"
                          aria-label={`Select token ${label}`}
                          checked={selected.has(t.id)}
                          onChange={(e) => toggle(t, e.target.checked)}
                        />
                      )}
                    </TableCell>
                    <TableCell className="whitespace-normal">
                      <code className="font-mono whitespace-nowrap">{label}</code>
                      <span className="block text-xs text-muted-foreground">{TYPE_LABEL[t.type]}</span>
                      {/* On narrower screens the Application column folds in here. */}
                      <span className="block text-xs md:hidden">{app}</span>
                      {t.ownerEmail && <span className="block text-xs [overflow-wrap:anywhere] text-muted-foreground">{t.ownerEmail}</span>}
                    </TableCell>
                    <TableCell className="hidden whitespace-normal md:table-cell">{app}</TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <RelativeTime iso={t.expiresAt} />
                    </TableCell>
                    <TableCell className="min-w-24 whitespace-normal">
                      <TokenStatus token={t} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
