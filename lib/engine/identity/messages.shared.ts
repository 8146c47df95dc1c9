// Client-safe: the sign-in form shows these, the server throws them.
export const INVALID_CREDENTIALS = "Invalid email or password.";
export const ACCOUNT_SUSPENDED = "This account is suspended. Ask an admin to lift the suspension.";

export function tooManyMessage(waitMs: number) {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));

  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

const OUR_MESSAGE =
  /^(Invalid email or password\.|Too many attempts, try again in \d+ minutes?\.|This account is suspended\. Ask an admin to lift the suspension\.)$/;

/** next-auth hands back the thrown message (or a code); show only messages we wrote, so a URL cannot inject text. */
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;

  return OUR_MESSAGE.test(error) ? error : INVALID_CREDENTIALS;
}
