"use client";

import { DateTime } from "@/components/apps/date-time";
import { Badge } from "@/components/ui/badge";
import { useSigningKeys } from "@/lib/client/keys/queries";
import type { SigningKeyState, SigningKeySummary } from "@/lib/engine/keys/schemas.shared";

const STATES: Record<SigningKeyState, { label: string; variant: "default" | "secondary" | "outline" }> = {
  next: { label: "Next: signs shortly", variant: "secondary" },
  current: { label: "Signing", variant: "default" },
  previous: { label: "Previous: still verifies", variant: "secondary" },
  expired: { label: "Expired", variant: "outline" },
};

/** The signing keys, newest first: which signs, which is published for verifiers, which is gone. */
export function SigningKeyList({ initialKeys }: { initialKeys: SigningKeySummary[] }) {
  const { data: keys } = useSigningKeys(initialKeys);

  return (
    <ul className="grid gap-3" aria-label="Signing keys">
      {keys.map((k) => (
        <li key={k.kid} className="grid gap-2 rounded-lg border p-4 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs [overflow-wrap:anywhere]">{k.kid}</code>
            <Badge variant="outline">{k.alg}</Badge>
            <Badge variant={STATES[k.state].variant}>{STATES[k.state].label}</Badge>
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-muted-foreground sm:grid-cols-3">
            <div>
              <dt className="inline">Made </dt>
              <dd className="inline">
                <DateTime iso={k.createdAt} />
              </dd>
            </div>
            <div>
              <dt className="inline">Signs from </dt>
              <dd className="inline">
                <DateTime iso={k.activatesAt} />
              </dd>
            </div>
            <div>
              <dt className="inline">Published until </dt>
              <dd className="inline">{k.expiresAt ? <DateTime iso={k.expiresAt} /> : "replaced"}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
