import type { SignedOutReason } from "@/lib/auth/signed-out-notice";
import { signOut } from "next-auth/react";

/** The server already ended the session; this clears the cookie and reloads, dropping every cached query. */
export async function leaveAfterSessionsEnded(reason: SignedOutReason) {
  await signOut({ redirect: false }).catch(() => {}); // the cookie is dead either way
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
  window.location.assign(`/sign-in?signedOut=${reason}`);
}
