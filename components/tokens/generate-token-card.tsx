"use client";

import { plural } from "@/components/apps/plural";
import { DurationField } from "@/components/settings/duration-field";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatDuration, lifetimeProblem, toSeconds, type Duration } from "@/lib/base/duration.shared";
import { useGenerateToken } from "@/lib/client/apps/mutations";
import { useAppTokens } from "@/lib/client/apps/queries";
import { ApiError } from "@/lib/client/http/fetch-json";
import { useAppSubscriptions } from "@/lib/client/subscriptions/queries";
import type { GeneratedAppToken } from "@/lib/tokens/generate-app-token";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { CurlExamples, type ApiCall } from "./curl-examples";
import { TokenReveal } from "./token-reveal";

type GenerateTokenCardProps = { appId: string; clientId: string; issuer: string; allowedTtl: number };
type FieldErrors = { ttlSeconds?: string[]; note?: string[] };

const NOTE_MAX = 100;

/** Tokens tab: "Generate access token" and "Regenerate" (revoke the active ones, issue a new one), optionally shorter-lived and with a note. */
export function GenerateTokenCard({ appId, clientId, issuer, allowedTtl }: GenerateTokenCardProps) {
  const generate = useGenerateToken(appId);
  const { data: subscriptions = [] } = useAppSubscriptions(appId);
  // The subscribed APIs, at the gateway URL and context they are served at.
  const apiCalls: ApiCall[] = subscriptions
    .filter((s) => s.status === "active" && s.api.status !== "retired" && s.api.gatewayUrl)
    .map((s) => ({ name: `${s.api.name} ${s.api.version}`, url: `${s.api.gatewayUrl}${s.api.context}/${s.api.version}/` }));
  const [issued, setIssued] = useState<GeneratedAppToken | null>(null);
  const [validity, setValidity] = useState<Duration>({ amount: "", unit: "minutes" });
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const revealRef = useRef<HTMLDivElement>(null);
  const generateRef = useRef<HTMLButtonElement>(null);
  // How many tokens Regenerate would revoke; refreshed with the list after every change.
  const active = useAppTokens(appId, { state: "active", type: "access_token", limit: 1 });

  // The buttons are busy while the token is made; focus moves to the token itself rather than falling to <body>.
  useEffect(() => {
    if (issued) revealRef.current?.focus();
  }, [issued]);

  function run(regenerate: boolean) {
    const problem = lifetimeProblem(validity, allowedTtl);
    const noteProblem = note.trim().length > NOTE_MAX ? `Use at most ${NOTE_MAX} characters (now ${note.trim().length}).` : null;
    if (problem || noteProblem)
      return setErrors({ ttlSeconds: problem ? [problem] : undefined, note: noteProblem ? [noteProblem] : undefined });
    setErrors({});
    setIssued(null); // never leave an older token on screen next to the request for a new one
    generate.mutate(
      { regenerate, ttlSeconds: toSeconds(validity) ?? undefined, note: note.trim() || undefined },
      {
        onSuccess: (token) => {
          setIssued(token);
          setNote("");
          toast.success(
            regenerate ? `New token issued; ${plural(token.revokedTokens, "active token")} revoked.` : "Access token generated.",
          );
        },
        onError: (err) => {
          // A field error is said once, on its field; a toast is for what no field explains.
          if (err instanceof ApiError && (err.fields?.ttlSeconds || err.fields?.note)) return setErrors(err.fields);
          toast.error(`Could not generate a token: ${err.message}`);
        },
      },
    );
  }

  const activeCount = active.data?.total;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Access token</CardTitle>
        <CardDescription>
          A client_credentials token for this application, issued here in the browser. Your client can also request its own at the token
          endpoint.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
          <DurationField
            label="Validity of this token (optional)"
            value={validity}
            onChange={(v) => {
              setValidity(v);
              setErrors((e) => ({ ...e, ttlSeconds: undefined }));
            }}
            error={errors.ttlSeconds}
            emptyHint={`Empty: the full ${formatDuration(allowedTtl)}.`}
            description={`At most ${formatDuration(allowedTtl)}; pick less if this token should expire sooner.`}
          />
          <FormField label="Note (optional)" description="What the token is for, shown in the tokens list." error={errors.note}>
            <Input
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setErrors((x) => ({ ...x, note: undefined }));
              }}
              placeholder="e.g. staging smoke tests"
              autoComplete="off"
            />
          </FormField>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button ref={generateRef} onClick={() => run(false)} pending={generate.isPending && generate.variables?.regenerate === false}>
            Generate access token
          </Button>
          <AlertDialog open={confirming} onOpenChange={setConfirming}>
            <AlertDialogTrigger asChild>
              <Button variant="outline" pending={generate.isPending && generate.variables?.regenerate === true}>
                Regenerate
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Regenerate the access token?</AlertDialogTitle>
                <AlertDialogDescription>
                  {activeCount === undefined
                    ? "Every active access token of this application is revoked"
                    : activeCount === 0
                      ? "This application has no active access token to revoke"
                      : `${plural(activeCount, "active access token")} of this application ${activeCount === 1 ? "is" : "are"} revoked`}
                  {activeCount === 0 ? "; a new token is issued." : " — clients using them are refused — and a new token is issued."}
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <AlertDialogAction onClick={() => run(true)}>
                  {activeCount ? `Revoke ${plural(activeCount, "token")} and regenerate` : "Revoke and regenerate"}
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
          {issued && (
            <Button
              variant="ghost"
              onClick={() => {
                setIssued(null);
                generateRef.current?.focus();
              }}
            >
              Hide token
            </Button>
          )}
        </div>
        {issued ? (
          <div ref={revealRef} tabIndex={-1} className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <TokenReveal token={issued} issuer={issuer} apiCalls={apiCalls} />
          </div>
        ) : (
          <CurlExamples issuer={issuer} clientId={clientId} apiCalls={apiCalls} />
        )}
      </CardContent>
    </Card>
  );
}
