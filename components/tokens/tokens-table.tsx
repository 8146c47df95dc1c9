"use client";

import { RelativeTime } from "@/components/apps/relative-time";
import { TokenDeliveries } from "@/components/gateways/token-deliveries";
import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useAppTokens } from "@/lib/client/apps/queries";
import type { TokenSummary } from "@/lib/tokens/list-tokens";
import { KeyRound } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { RevokeSelectedButton } from "./revoke-selected-button";
import { RevokeTokenButton } from "./revoke-token-button";
import { isExpiringSoon, SOURCE_LABEL, TYPE_LABEL } from "./token-facts";
import { filtersFromSearch, NO_FILTERS, rememberFilters, TokenFilters, type TokenFilterValues } from "./token-filters";
import { TokenStatus } from "./token-status";

const PAGE_SIZE = 100;
const labelOf = (t: TokenSummary) => `${t.prefix}…${t.last4}`;
const focusRow = (tokenId: string) => document.querySelector<HTMLElement>(`[data-token-id="${CSS.escape(tokenId)}"]`)?.focus();

/** An application's tokens a page at a time, filtered and sorted; select active ones to revoke them together. */
export function TokensTable({ appId }: { appId: string }) {
  const searchParams = useSearchParams();
  const [filters, setFilters] = useState<TokenFilterValues>(() => filtersFromSearch(searchParams));
  const query = useDeferredValue(filters); // typing in the search box does not fire one request per key
  const pages = useCursorPages(query);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const tokens = useAppTokens(appId, { ...query, cursor: pages.cursor, limit: PAGE_SIZE });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const toggle = (t: TokenSummary, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(t.id, labelOf(t));
      else next.delete(t.id);

      return next;
    });

  if (tokens.isPending) return <p className="text-sm text-muted-foreground">Loading tokens…</p>;
  if (tokens.isError) return <p className="text-sm text-destructive">Could not load the tokens: {tokens.error.message}</p>;
  const { tokens: rows, total, nextCursor } = tokens.data;
  if (total === 0 && !filtered && pages.page === 0) {
    return (
      <EmptyState
        icon={<KeyRound />}
        title="No tokens yet"
        description="Generate an access token above, or have your client request one from the token endpoint with its credentials."
      />
    );
  }
  const selectable = rows.filter((t) => t.status === "active");
  const allOnPage = selectable.length > 0 && selectable.every((t) => selected.has(t.id));

  return (
    <div className="grid min-w-0 gap-3">
      <TokenFilters value={filters} onChange={(next) => (setFilters(next), rememberFilters(next))} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Pager
          noun="token"
          page={pages.page}
          pageSize={PAGE_SIZE}
          shown={rows.length}
          total={total}
          hasNext={nextCursor !== null}
          loading={tokens.isPlaceholderData}
          onPrevious={pages.previous}
          onNext={() => nextCursor && pages.next(nextCursor)}
        />
        {selected.size > 0 && (
          <RevokeSelectedButton
            appId={appId}
            selected={[...selected].map(([id, label]) => ({ id, label }))}
            onDone={() => {
              setSelected(new Map());
              document.getElementById("tokens-heading")?.focus();
            }}
          />
        )}
      </div>
      <Table aria-label="Tokens" aria-busy={tokens.isPlaceholderData || undefined}>
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
            <TableHead className="hidden sm:table-cell">Type</TableHead>
            <TableHead className="hidden lg:table-cell">Created</TableHead>
            <TableHead className="hidden sm:table-cell">Expires</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="text-muted-foreground">
                No token matches these filters.
              </TableCell>
            </TableRow>
          )}
          {rows.map((t) => {
            const label = labelOf(t);
            const soon = isExpiringSoon(t);
            const expiry =
              t.status === "active" ? <RelativeTime iso={t.expiresAt} prefix="expires " /> : <RelativeTime iso={t.expiresAt} />;

            return (
              <TableRow
                key={t.id}
                data-testid={`token-row-${t.last4}`}
                data-token-id={t.id}
                tabIndex={-1}
                aria-label={`Token ${label}`}
                className="outline-none focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
              >
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
                  {t.note && <span className="block max-w-64 text-xs [overflow-wrap:anywhere]">{t.note}</span>}
                  <span className="block text-xs text-muted-foreground" data-testid="last-used">
                    {t.lastUsedAt ? <RelativeTime iso={t.lastUsedAt} prefix="used " /> : "never used"}
                  </span>
                  <span className="block text-xs text-muted-foreground">
                    {SOURCE_LABEL[t.source]}
                    <span className="sm:hidden"> · {TYPE_LABEL[t.type]}</span>
                    {t.scope && ` · scopes: ${t.scope}`}
                  </span>
                  {/* On a phone the Expires column folds in here. */}
                  <span className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground sm:hidden">
                    {expiry}
                    {soon && <Badge variant="warning">Expiring soon</Badge>}
                  </span>
                </TableCell>
                <TableCell className="hidden sm:table-cell">{TYPE_LABEL[t.type]}</TableCell>
                <TableCell className="hidden lg:table-cell">
                  <RelativeTime iso={t.createdAt} />
                </TableCell>
                <TableCell className="hidden whitespace-normal sm:table-cell">
                  <span className="flex flex-wrap items-center gap-1">
                    {expiry}
                    {soon && <Badge variant="warning">Expiring soon</Badge>}
                  </span>
                </TableCell>
                <TableCell className="min-w-32 whitespace-normal">
                  <TokenStatus token={t} />
                  {t.status === "revoked" && <TokenDeliveries appId={appId} tokenId={t.id} />}
                </TableCell>
                <TableCell className="text-right">
                  {t.status === "active" && (
                    <RevokeTokenButton
                      appId={appId}
                      tokenId={t.id}
                      label={label}
                      onRevoked={() => toggle(t, false)}
                      focusAfterRevoke={() => focusRow(t.id)}
                    />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
