import type { Action } from "@/lib/engine/identity/permissions.shared";

/**
 * The admin area's pages in the header, each with the action its page requires (`requirePermission`):
 * the header shows a person the ones they may open, and the admin layout lets in whoever may open one.
 */
export const ADMIN_LINKS = [
  { href: "/admin", label: "Admin", may: "stats.read_all" },
  { href: "/admin/users", label: "Users", may: "users.manage" },
  { href: "/admin/apps", label: "All apps", may: "apps.oversee" },
  { href: "/admin/tokens", label: "Tokens", may: "tokens.oversee" },
  { href: "/admin/gateways", label: "Gateways", may: "gateways.manage" },
  { href: "/admin/keys", label: "Signing keys", may: "keys.manage" },
  { href: "/admin/apis", label: "APIs", may: "apis.manage" },
  { href: "/admin/subscriptions", label: "Requests", may: "subscriptions.review" },
  { href: "/admin/token-policy", label: "Token policy", may: "settings.manage" },
  { href: "/admin/token-actions", label: "Revoke / re-approve", may: "tokens.oversee" },
] as const satisfies readonly { href: string; label: string; may: Action }[];
