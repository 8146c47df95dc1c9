/**
 * Why the portal refused a page's write, in words a newcomer can act on: the usual cause is opening
 * the portal at another address (host or port) than PORTCULLIS_ISSUER names. Shared by the server's
 * refusal and the sign-in form, which learns of it only as an error name from next-auth.
 */
export const originRefusedMessage = (pageOrigin: string, issuer: string) =>
  `This page's address (${pageOrigin}) does not match PORTCULLIS_ISSUER=${issuer}. Open ${issuer}, or set PORTCULLIS_ISSUER to the address you use.`;

/** The `error` next-auth's signIn() reports when the sign-in was refused for its origin. */
export const ORIGIN_REFUSED = "origin_refused";
