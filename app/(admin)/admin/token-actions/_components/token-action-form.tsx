"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/client/http/fetch-json";
import type { OperatorChangePreview } from "@/lib/tokens/preview-operator-change";
import { useState } from "react";
import { TokenActionConfirm, type Action } from "./token-action-confirm";

/**
 * One token, named by its value: revoke or re-approve it, with or without the rest of its grant. Either
 * asks first, in a dialog that says which token it is and how many tokens the action changes.
 */
export function TokenActionForm() {
  const [token, setToken] = useState("");
  const [cascade, setCascade] = useState(true);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState<Action | null>(null);
  const [asking, setAsking] = useState<{ action: Action; preview: OperatorChangePreview } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const request = () => ({ method: "POST" as const, json: { token: token.trim(), cascade, reason: reason.trim() || undefined } });

  /** Runs `work`, showing what the server refused on the form's fields. */
  async function asForm(action: Action, work: () => Promise<void>) {
    setPending(action);
    setResult(null);
    setError(null);
    setFields({});
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setFields(err.fields);
      else setError(err instanceof Error ? err.message : "Something went wrong.");
    } finally {
      setPending(null);
    }
  }

  const ask = (action: Action) =>
    asForm(action, async () => {
      const preview = await fetchJson<OperatorChangePreview>("/api/admin/tokens/preview", request());
      setAsking({ action, preview });
    });

  const act = (action: Action) =>
    asForm(action, async () => {
      setAsking(null);
      const body = await fetchJson<{ revoked?: number; reapproved?: number }>(`/api/admin/tokens/${action}`, request());
      const count = body.revoked ?? body.reapproved ?? 0;
      const what = `${count} token${count === 1 ? "" : "s"}`;
      setResult(action === "revoke" ? `Revoked ${what}; gateways notified.` : `Re-approved ${what}; gateways notified.`);
    });

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
          <Button variant="destructive" pending={pending === "revoke"} disabled={pending !== null} onClick={() => ask("revoke")}>
            Revoke
          </Button>
          <Button variant="outline" pending={pending === "reapprove"} disabled={pending !== null} onClick={() => ask("reapprove")}>
            Re-approve
          </Button>
        </div>
        {result && (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm">
            {result}
          </p>
        )}
        {asking && (
          <TokenActionConfirm {...asking} cascade={cascade} onConfirm={() => act(asking.action)} onCancel={() => setAsking(null)} />
        )}
      </CardContent>
    </Card>
  );
}
