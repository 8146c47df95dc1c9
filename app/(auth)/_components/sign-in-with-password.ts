"use client";

import { signIn, type SignInResponse } from "next-auth/react";

/**
 * next-auth refuses a CSRF token that no longer matches its cookie with a redirect to `?csrf=true` and
 * no error, which reads as success. It happens on a first visit in development: React mounts the
 * session provider twice, the two session reads each set a new token cookie, and the form had fetched
 * the first's token. Asked again, next-auth hands out the token of the cookie that stayed.
 */
const staleCsrfToken = (res: SignInResponse | undefined) => Boolean(res?.ok && res.url && new URL(res.url).searchParams.has("csrf"));

/** next-auth's credentials sign-in, without leaving the page; once more after a stale CSRF token, and a throw if that was too. */
export async function signInWithPassword(email: string, password: string): Promise<SignInResponse | undefined> {
  const attempt = () => signIn("credentials", { email, password, redirect: false });
  const first = await attempt();
  if (!staleCsrfToken(first)) return first;
  const again = await attempt();
  if (staleCsrfToken(again)) throw new Error("next-auth refused its own CSRF token twice");

  return again;
}
