import { INVALID_CREDENTIALS, signInErrorMessage } from "@/lib/engine/identity/messages.shared";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackUrl("/apps/abc?tab=tokens")).toBe("/apps/abc?tab=tokens");
  });

  it("never leaves the site: another origin falls back to /apps", () => {
    expect(safeCallbackUrl("https://evil.example/phish")).toBe("/apps");
    expect(safeCallbackUrl("//evil.example/phish")).toBe("/apps");
    expect(safeCallbackUrl("http://localhost:3000/apps/x")).toBe("/apps/x");
  });

  it.each(["/.//evil.example/x", "/\\evil.example", "/./\\/evil.example/x", "/%2e//evil.example", "/a/..//evil.example/x"])(
    "never returns a path a browser reads as another host: %s",
    (value) => {
      const target = safeCallbackUrl(value);

      expect(target).toMatch(/^\/(?![/\\])/);
      expect(new URL(target, "http://localhost:3000").origin).toBe("http://localhost:3000");
    },
  );

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
