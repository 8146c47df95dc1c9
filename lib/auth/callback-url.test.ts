import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";
import { INVALID_CREDENTIALS, signInErrorMessage } from "./messages";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackUrl("/apps/abc?tab=tokens")).toBe("/apps/abc?tab=tokens");
  });

  it("never leaves the site: absolute and protocol-relative URLs keep only their path", () => {
    expect(safeCallbackUrl("https://evil.example/phish")).toBe("/phish");
    expect(safeCallbackUrl("//evil.example/phish")).toBe("/phish");
    expect(safeCallbackUrl("/\\evil.example")).not.toMatch(/^\/\//);
  });

  it("falls back to /apps for nothing, the auth pages and the API", () => {
    for (const value of [undefined, "", ["/apps"], "/sign-in?callbackUrl=/sign-in", "/sign-up", "/api/auth/signout"]) {
      expect(safeCallbackUrl(value)).toBe("/apps");
    }
  });
});

describe("signInErrorMessage", () => {
  it("shows only messages we wrote; anything else becomes the generic one", () => {
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage("Too many attempts, try again in 3 minutes.")).toBe("Too many attempts, try again in 3 minutes.");
    expect(signInErrorMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS);
    expect(signInErrorMessage("Your account was hacked, call +1 555")).toBe(INVALID_CREDENTIALS);
  });
});
