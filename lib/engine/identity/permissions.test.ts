import { describe, expect, it } from "vitest";
import { clientActor, operatorActor, personActor, systemActor, type Actor } from "./actor.shared";
import { forbidden } from "./assert-can";
import { can, PERMISSIONS, type Action } from "./permissions.shared";

const subscriber = personActor({ id: "sub-1", email: "sub@test.local", role: "subscriber" });
const admin = personActor({ id: "admin-1", email: "admin@test.local", role: "admin" });
const ACTORS = {
  owner: subscriber, // acting on their own application
  subscriber, // acting on someone else's
  admin, // someone else's, too
  operator: operatorActor("alice"),
  system: systemActor("purge"),
  client: clientActor("pcl_ci_x"),
} satisfies Record<string, Actor>;
type Seat = keyof typeof ACTORS;
const theirs = { ownerId: "someone-else" };
const ownApp = { ownerId: subscriber.id };

// The table written out once more, seat by seat: a change to who may do what fails here until it is meant.
const EXPECTED: Record<Action, Seat[]> = {
  "apps.create": ["owner", "subscriber", "admin"],
  "apps.create_for_owner": ["operator"],
  "apps.read": ["owner", "admin", "operator"],
  "apps.open": ["owner"],
  "apps.update": ["owner"],
  "apps.delete": ["owner", "operator"],
  "apps.set_access": ["operator"],
  "apps.set_token_format": ["owner", "admin", "operator"],
  "apps.grant_scopes": ["admin", "operator"],
  "apps.rotate_secret": ["owner"],
  "apps.generate_token": ["owner"],
  "apps.issue_token": ["operator"],
  "apps.revoke_tokens": ["owner", "admin", "operator"],
  "apps.read_activity": ["owner", "admin"],
  "subscriptions.request": ["owner"],
  "subscriptions.review": ["admin", "operator"],
  "apps.oversee": ["admin", "operator"],
  "audit.read_all": ["admin"],
  "stats.read_all": ["admin"],
  "apis.manage": ["admin", "operator"],
  "gateways.manage": ["admin", "operator"],
  "gateways.verify": ["admin", "operator", "system"],
  "keys.manage": ["admin", "operator"],
  "scopes.manage": ["admin", "operator"],
  "settings.manage": ["admin", "operator"],
  "tokens.oversee": ["admin", "operator"],
  "tokens.purge": ["operator", "system"],
  "users.manage": ["admin", "operator"],
  "users.reset_password": ["operator"],
};

describe("can(): who may do what", () => {
  it("covers every action of the table, and only those", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(Object.entries(EXPECTED) as [Action, Seat[]][])("%s: %j", (action, seats) => {
    const allowed = (Object.keys(ACTORS) as Seat[]).filter((seat) => can(ACTORS[seat], action, seat === "owner" ? ownApp : theirs));
    expect(allowed).toEqual(seats);
  });

  it("never counts anyone as the owner without a resource, or a client as anyone", () => {
    expect(can(subscriber, "apps.update")).toBe(false);
    expect(can(admin, "apps.update", { ownerId: admin.id })).toBe(true); // an admin owns their own applications like anyone
    for (const action of Object.keys(PERMISSIONS) as Action[]) expect(can(ACTORS.client, action, theirs)).toBe(false);
  });

  it("takes the role from the actor, not from a resource or a name", () => {
    const posing = personActor({ id: "x", email: "operator:alice via cli", role: "subscriber" });
    expect(can(posing, "gateways.manage")).toBe(false);
    expect(can(posing, "apps.update", { ownerId: "operator:alice via cli" })).toBe(false);
  });

  it("refuses with the least role that may, or says only the operator may", () => {
    expect(forbidden("gateways.manage")).toMatchObject({ code: "forbidden", message: "Requires the admin role." });
    expect(forbidden("apps.create")).toMatchObject({ message: "Requires the subscriber role." });
    expect(forbidden("apps.set_access")).toMatchObject({ message: "Only the operator may do this." });
  });
});
