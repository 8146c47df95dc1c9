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
import { useGenerateToken } from "@/lib/apps/client/mutations";
import { ApiError } from "@/lib/http/client/fetch-json";
import { formatDuration, toSeconds, type Duration } from "@/lib/settings/duration";
import type { GeneratedAppToken } from "@/lib/tokens/generate-app-token";
import { useState } from "react";
import { toast } from "sonner";
import { CurlExamples } from "./curl-examples";
import { TokenReveal } from "./token-reveal";

type GenerateTokenCardProps = { appId: string; clientId: string; issuer: string; allowedTtl: number };

/** Tokens tab: "Generate access token" and "Regenerate" (revoke the active ones, issue a new one), optionally shorter-lived. */
export function GenerateTokenCard({ appId, clientId, issuer, allowedTtl }: GenerateTokenCardProps) {
  const generate = useGenerateToken(appId);
  const [issued, setIssued] = useState<GeneratedAppToken | null>(null);
  const [validity, setValidity] = useState<Duration>({ amount: "", unit: "minutes" });
  const [validityError, setValidityError] = useState<string[] | null>(null);

  function run(regenerate: boolean) {
    const ttlSeconds = toSeconds(validity);
    if (Number.isNaN(ttlSeconds)) return setValidityError(["Enter a number."]);
    setValidityError(null);
    setIssued(null); // never leave an older token on screen next to the request for a new one
    generate.mutate(
      { regenerate, ttlSeconds: ttlSeconds ?? undefined },
      {
        onSuccess: (token) => {
          setIssued(token);
          toast.success(
            regenerate ? `New token issued; ${plural(token.revokedTokens, "active token")} revoked.` : "Access token generated.",
          );
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields?.ttlSeconds) setValidityError(err.fields.ttlSeconds);
          toast.error(`Could not generate a token: ${err.message}`);
        },
      },
    );
  }

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
        <div className="max-w-md">
          <DurationField
            label="Validity of this token (optional)"
            value={validity}
            onChange={setValidity}
            error={validityError}
            emptyHint={`Empty: the full ${formatDuration(allowedTtl)}.`}
            description={`At most ${formatDuration(allowedTtl)}; pick less if this token should expire sooner.`}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => run(false)} pending={generate.isPending && generate.variables?.regenerate === false}>
            Generate access token
          </Button>
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button variant="outline" pending={generate.isPending && generate.variables?.regenerate === true}>
                Regenerate
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Regenerate the access token?</AlertDialogTitle>
                <AlertDialogDescription>
                  Every active access token of this application is revoked — clients using them are refused — and a new token is issued.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <AlertDialogAction onClick={() => run(true)}>Revoke and regenerate</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
          {issued && (
            <Button variant="ghost" onClick={() => setIssued(null)}>
              Hide token
            </Button>
          )}
        </div>
        {issued ? <TokenReveal token={issued} issuer={issuer} /> : <CurlExamples issuer={issuer} clientId={clientId} />}
      </CardContent>
    </Card>
  );
}
