"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import { useState } from "react";

type Action = "revoke" | "reapprove";

/** One token, named by its value: revoke or re-approve it, with or without the rest of its grant. */
export function TokenActionForm() {
  const [token, setToken] = useState("");
  const [cascade, setCascade] = useState(true);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState<Action | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});

  async function act(action: Action) {
    setPending(action);
    setResult(null);
    setError(null);
    setFields({});
    try {
      const body = await fetchJson<{ revoked?: number; reapproved?: number }>(`/api/admin/tokens/${action}`, {
        method: "POST",
        json: { token: token.trim(), cascade, reason: reason.trim() || undefined },
      });
      const count = body.revoked ?? body.reapproved ?? 0;
      const what = `${count} token${count === 1 ? "" : "s"}`;
      setResult(action === "revoke" ? `Revoked ${what}; gateways notified.` : `Re-approved ${what}; gateways notified.`);
    } catch (err) {
      if (err instanceof ApiError && err.fields) setFields(err.fields);
      else setError(err instanceof Error ? err.message : "Something went wrong.");
    } finally {
      setPending(null);
    }
  }

  return (
    <Card>
      <CardContent className="grid gap-4 pt-6">
        <FormError message={error} />
        <FormField label="Token" error={fields.token} description="The full token value (pcl_at_… or pcl_rt_…).">
          <Input value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" />
        </FormField>
        <FormField label="Reason" error={fields.reason} description="Kept in the audit trail.">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} />
        </FormField>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-primary"
            checked={cascade}
            onChange={(e) => setCascade(e.target.checked)}
          />
          <span>Cascade: the rest of its grant too (off: this token alone; a refresh token&apos;s access tokens keep working)</span>
        </label>
        <div className="flex flex-wrap gap-2">
          <Button variant="destructive" pending={pending === "revoke"} disabled={pending !== null} onClick={() => act("revoke")}>
            Revoke
          </Button>
          <Button variant="outline" pending={pending === "reapprove"} disabled={pending !== null} onClick={() => act("reapprove")}>
            Re-approve
          </Button>
        </div>
        {result && (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm">
            {result}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
