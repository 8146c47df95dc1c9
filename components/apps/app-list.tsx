"use client";

import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { AppListQuery } from "@/lib/apps/app-list-query";
import type { AppPage } from "@/lib/apps/list-apps";
import { useApps } from "@/lib/client/apps/queries";
import { AppWindow, Plus } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";
import { DateTime } from "./date-time";

const PAGE_SIZE = 50;
type Filters = { q: string; sort: NonNullable<AppListQuery["sort"]> };
const NO_FILTERS: Filters = { q: "", sort: "newest" };

/** The user's applications as cards that link to each application's page; search by name, sort, a page at a time. */
export function AppList({ initialPage, admin = false }: { initialPage: AppPage; admin?: boolean }) {
  const id = useId();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = useDeferredValue(filters);
  const pages = useCursorPages(query);
  const first = pages.page === 0 && JSON.stringify(query) === JSON.stringify(NO_FILTERS);
  const { data = initialPage, isPlaceholderData } = useApps(
    { ...query, cursor: pages.cursor, limit: PAGE_SIZE },
    first ? initialPage : undefined,
  );

  if (data.total === 0 && !filters.q) {
    // An admin sets Portcullis up first (the checklist above); applications of their own are optional.
    if (admin) return <p className="text-sm text-muted-foreground">You have no applications of your own.</p>;

    return (
      <EmptyState
        icon={<AppWindow />}
        title="No applications yet"
        description="Create an application to get a client ID and secret, then generate an access token to call an API."
        action={
          <Link href="/apps/new" className={buttonVariants()}>
            <Plus aria-hidden="true" /> Create your first application
          </Link>
        }
      />
    );
  }

  return (
    <div className="grid min-w-0 gap-4">
      <div role="search" aria-label="Find applications" className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,20rem)_12rem]">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-q`}>Name</Label>
          <Input
            id={`${id}-q`}
            type="search"
            value={filters.q}
            onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            placeholder="Search"
            autoComplete="off"
            maxLength={100}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-sort`}>Sort</Label>
          <NativeSelect
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(e) => setFilters({ ...filters, sort: e.target.value as Filters["sort"] })}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="name">Name A–Z</option>
          </NativeSelect>
        </div>
      </div>
      <Pager
        noun="application"
        page={pages.page}
        pageSize={PAGE_SIZE}
        shown={data.apps.length}
        total={data.total}
        hasNext={data.nextCursor !== null}
        loading={isPlaceholderData}
        onPrevious={pages.previous}
        onNext={() => data.nextCursor && pages.next(data.nextCursor)}
      />
      {data.apps.length === 0 ? (
        <p className="text-sm text-muted-foreground">No application matches “{filters.q}”.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Applications">
          {data.apps.map((app) => (
            <li key={app.id} className="min-w-0">
              <Link
                href={`/apps/${app.id}`}
                className="flex h-full flex-col gap-2 rounded-xl border bg-card p-5 shadow-sm transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span className="font-semibold [overflow-wrap:anywhere]">{app.name}</span>
                {app.description && (
                  <span className="line-clamp-2 text-sm [overflow-wrap:anywhere] text-muted-foreground">{app.description}</span>
                )}
                <span className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2 text-xs text-muted-foreground">
                  <code className="font-mono break-all">{app.clientId}</code>
                  <span>
                    Created <DateTime iso={app.createdAt} />
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
