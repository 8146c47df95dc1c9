"use client";

import { RelativeTime } from "@/components/apps/relative-time";
import { Pager } from "@/components/lists/pager";
import { useCursorPages } from "@/components/lists/use-cursor-pages";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useUsers } from "@/lib/client/users/queries";
import type { UserListQuery } from "@/lib/users/user-list-query";
import { useDeferredValue, useId, useState } from "react";
import { UserActions } from "./user-actions";

const PAGE_SIZE = 50;
type Filters = Required<Pick<UserListQuery, "q" | "role" | "state">>;

/** Admin → Users: search by email or name, filter by role and state, act on each account. */
export function UsersTable({ selfId }: { selfId: string }) {
  const id = useId();
  const [filters, setFilters] = useState<Filters>({ q: "", role: "", state: "" });
  const query = useDeferredValue(filters);
  const pages = useCursorPages(query);
  const users = useUsers({ ...query, cursor: pages.cursor, limit: PAGE_SIZE });
  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilters({ ...filters, [key]: e.target.value });

  return (
    <div className="grid min-w-0 gap-3">
      <div role="search" aria-label="Find users" className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,20rem)_10rem_10rem]">
        <div className="col-span-2 grid gap-1.5 sm:col-span-1">
          <Label htmlFor={`${id}-q`}>Email or name</Label>
          <Input id={`${id}-q`} type="search" value={filters.q} onChange={set("q")} autoComplete="off" maxLength={254} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-role`}>Role</Label>
          <NativeSelect id={`${id}-role`} value={filters.role} onChange={set("role")}>
            <option value="">All roles</option>
            <option value="subscriber">Subscribers</option>
            <option value="admin">Admins</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-state`}>State</Label>
          <NativeSelect id={`${id}-state`} value={filters.state} onChange={set("state")}>
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </NativeSelect>
        </div>
      </div>
      {users.isPending && <p className="text-sm text-muted-foreground">Loading users…</p>}
      {users.isError && <p className="text-sm text-destructive">Could not load the users: {users.error.message}</p>}
      {users.data && (
        <>
          <Pager
            noun="user"
            page={pages.page}
            pageSize={PAGE_SIZE}
            shown={users.data.users.length}
            total={users.data.total}
            hasNext={users.data.nextCursor !== null}
            loading={users.isPlaceholderData}
            onPrevious={pages.previous}
            onNext={() => users.data.nextCursor && pages.next(users.data.nextCursor)}
          />
          <Table aria-label="Users" aria-busy={users.isPlaceholderData || undefined}>
            <TableHeader>
              <TableRow>
                <TableHead>User</TableHead>
                <TableHead className="hidden sm:table-cell">Applications</TableHead>
                <TableHead className="hidden md:table-cell">Joined</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.users.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4} className="text-muted-foreground">
                    No user matches these filters.
                  </TableCell>
                </TableRow>
              )}
              {users.data.users.map((u) => (
                <TableRow key={u.id} data-testid={`user-row-${u.email}`}>
                  <TableCell className="whitespace-normal">
                    <span className="block font-medium [overflow-wrap:anywhere]">{u.email}</span>
                    {u.name && <span className="block text-xs [overflow-wrap:anywhere] text-muted-foreground">{u.name}</span>}
                    <span className="mt-1 flex flex-wrap gap-1">
                      <Badge variant={u.role === "admin" ? "default" : "secondary"}>{u.role === "admin" ? "Admin" : "Subscriber"}</Badge>
                      {u.suspendedAt && <Badge variant="destructive">Suspended</Badge>}
                      <span className="text-xs text-muted-foreground sm:hidden">{u.apps} apps</span>
                    </span>
                  </TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">{u.apps}</TableCell>
                  <TableCell className="hidden md:table-cell">
                    <RelativeTime iso={u.createdAt} />
                  </TableCell>
                  <TableCell className="text-right">
                    <UserActions user={u} self={u.id === selfId} />
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
