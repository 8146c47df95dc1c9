import { StatusBadge } from "@/components/apis/status-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { listCatalog } from "@/lib/apis/list-apis";
import { requireUser } from "@/lib/doors/auth/session";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "API catalog" };

type SearchParams = Promise<{ q?: string; status?: string }>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const { q = "", status = "" } = await searchParams;
  const filter = status === "published" || status === "deprecated" ? status : undefined;
  const apis = await listCatalog({ q: String(q), status: filter });

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">API catalog</h1>
        <p className="text-sm text-muted-foreground">Find an API, read its documentation, and subscribe an application to it.</p>
      </div>
      {/* A plain GET form: the results are the server's, and a search is a link that can be shared. */}
      <form role="search" className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm">
          <span>Search</span>
          <Input name="q" type="search" defaultValue={String(q)} placeholder="Name, context or description" className="w-64" />
        </label>
        <label className="grid gap-1 text-sm">
          <span>State</span>
          <NativeSelect name="status" defaultValue={filter ?? ""}>
            <option value="">Published and deprecated</option>
            <option value="published">Published</option>
            <option value="deprecated">Deprecated</option>
          </NativeSelect>
        </label>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      {apis.length === 0 ? (
        <p className="text-sm text-muted-foreground">No API matches.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="APIs">
          {apis.map((api) => (
            <li key={api.id} className="grid gap-2 rounded-lg border p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/apis/${api.id}`} className="font-semibold underline-offset-4 hover:underline">
                  {api.name} {api.version}
                </Link>
                <StatusBadge status={api.status} />
              </div>
              <code className="text-xs text-muted-foreground">{api.context}</code>
              {api.description && <p className="text-sm [overflow-wrap:anywhere]">{api.description}</p>}
              <p className="text-xs text-muted-foreground">Tiers: {api.tiers.map((t) => t.name).join(", ")}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
