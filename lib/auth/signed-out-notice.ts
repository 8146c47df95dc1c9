// Client-safe: why the sign-in page was opened after the server ended every session of the user.
const NOTICES = {
  password: "Your password was changed and every session ended. Sign in with the new password.",
  everywhere: "You were signed out on every device. Sign in again to continue.",
} as const;
export type SignedOutReason = keyof typeof NOTICES;

/** Only our own texts, picked by a fixed key, so a URL cannot put words on the page. */
export const signedOutNotice = (reason: unknown): string | null =>
  typeof reason === "string" && Object.hasOwn(NOTICES, reason) ? NOTICES[reason as SignedOutReason] : null;
