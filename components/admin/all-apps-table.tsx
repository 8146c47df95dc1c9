"use client";

import { DateTime } from "@/components/apps/date-time";
import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useAllApps } from "@/lib/client/apps/admin-queries";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";

const PAGE_SIZE = 50;

/** Admin → Applications: every owner's applications; search by name or owner, open one to see and revoke its tokens. */
export function AllAppsTable() {
  const id = useId();
  const [q, setQ] = useState("");
  const query = useDeferredValue(q);
  const pages = useCursorPages(query);
  const apps = useAllApps({ q: query, cursor: pages.cursor, limit: PAGE_SIZE });

  return (
    <div className="grid min-w-0 gap-3">
      <div role="search" aria-label="Find applications" className="grid gap-1.5 sm:max-w-80">
        <Label htmlFor={`${id}-q`}>Name or owner&apos;s email</Label>
        <Input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" maxLength={100} />
      </div>
      {apps.isPending && <p className="text-sm text-muted-foreground">Loading applications…</p>}
      {apps.isError && <p className="text-sm text-destructive">Could not load the applications: {apps.error.message}</p>}
      {apps.data && (
        <>
          <Pager
            noun="application"
            page={pages.page}
            pageSize={PAGE_SIZE}
            shown={apps.data.apps.length}
            total={apps.data.total}
            hasNext={apps.data.nextCursor !== null}
            loading={apps.isPlaceholderData}
            onPrevious={pages.previous}
            onNext={() => apps.data.nextCursor && pages.next(apps.data.nextCursor)}
          />
          <Table aria-label="Applications" aria-busy={apps.isPlaceholderData || undefined}>
            <TableHeader>
              <TableRow>
                <TableHead>Application</TableHead>
                <TableHead className="hidden sm:table-cell">Owner</TableHead>
                <TableHead className="hidden md:table-cell">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {apps.data.apps.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3} className="text-muted-foreground">
                    No application matches.
                  </TableCell>
                </TableRow>
              )}
              {apps.data.apps.map((app) => (
                <TableRow key={app.id}>
                  <TableCell className="whitespace-normal">
                    <Link
                      href={`/admin/apps/${app.id}`}
                      className="font-medium [overflow-wrap:anywhere] underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {app.name}
                    </Link>
                    <code className="block font-mono text-xs break-all text-muted-foreground">{app.clientId}</code>
                    <span className="block text-xs [overflow-wrap:anywhere] text-muted-foreground sm:hidden">{app.ownerEmail}</span>
                  </TableCell>
                  <TableCell className="hidden whitespace-normal sm:table-cell">
                    <span className="[overflow-wrap:anywhere]">{app.ownerEmail}</span>
                    {app.ownerSuspended && (
                      <Badge variant="destructive" className="ml-2">
                        Suspended
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    <DateTime iso={app.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
