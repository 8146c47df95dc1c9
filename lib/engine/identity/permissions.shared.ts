import type { Actor } from "./actor.shared";
import { hasRole, type Role } from "./roles.shared";

/**
 * Who may: a person with at least that role, the person who owns the resource, the operator at
 * the command line, or a system job.
 */
export type Who = Role | "owner" | "operator" | "system";

/**
 * Every action and who may take it — the one table behind `can()`. An admin oversees anyone's
 * application (reads it, revokes its tokens, sets its token format) but edits, secrets and
 * generated tokens stay the owner's own.
 */
export const PERMISSIONS = {
  "apps.create": ["subscriber"], // for oneself
  "apps.create_for_owner": ["operator"], // `apps create --owner X`
  "apps.read": ["owner", "admin", "operator"], // its keys, tokens, deliveries and figures
  "apps.open": ["owner"], // the portal's application page and its subscriptions (admins have apps.oversee)
  "apps.update": ["owner"],
  "apps.delete": ["owner", "operator"], // the operator: `apps delete --client-id`
  "apps.set_access": ["operator"], // grant types (password only here), scopes, redirect URIs
  "apps.set_token_format": ["owner", "admin", "operator"],
  "apps.grant_scopes": ["admin", "operator"], // the catalog's privileged scopes an application may request
  "apps.rotate_secret": ["owner"],
  "apps.generate_token": ["owner"],
  "apps.issue_token": ["operator"], // `tokens issue --client-id`
  "apps.revoke_tokens": ["owner", "admin", "operator"],
  "apps.read_activity": ["owner", "admin"],
  "subscriptions.request": ["owner"], // subscribe or change one's own; pending where the API needs approval
  "subscriptions.review": ["admin", "operator"], // approve, reject, block; subscribe anyone's app, no approval
  "apps.oversee": ["admin", "operator"], // every application, with its owner
  "audit.read_all": ["admin"],
  "stats.read_all": ["admin"],
  "apis.manage": ["admin", "operator"],
  "gateways.manage": ["admin", "operator"],
  "gateways.verify": ["admin", "operator", "system"], // run a canary through it: on demand, or the schedule
  "keys.manage": ["admin", "operator"],
  "scopes.manage": ["admin", "operator"],
  "settings.manage": ["admin", "operator"],
  "tokens.oversee": ["admin", "operator"], // any token: revoke, re-approve, bulk revoke, shorten
  "tokens.purge": ["operator", "system"],
  "users.manage": ["admin", "operator"], // suspend, unsuspend, set a role
  "users.reset_password": ["operator"], // the way back in when the admin's password was lost
} as const satisfies Record<string, readonly Who[]>;

export type Action = keyof typeof PERMISSIONS;

/** What a permission is checked against: so far only owned things (an application, a subscription's application). */
export type Resource = { ownerId: string };

const fits = (actor: Actor, who: Who, resource?: Resource): boolean => {
  switch (who) {
    case "owner":
      return actor.kind === "person" && resource !== undefined && resource.ownerId === actor.id;
    case "operator":
    case "system":
      return actor.kind === who;
    default:
      return actor.kind === "person" && hasRole(actor.role, who);
  }
};

/** May `actor` take `action` (on `resource`, for the actions an owner may take)? */
export const can = (actor: Actor, action: Action, resource?: Resource): boolean =>
  PERMISSIONS[action].some((who: Who) => fits(actor, who, resource));
