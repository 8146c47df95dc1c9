import type { Role, SessionUser } from "./roles.shared";

/** The jobs that act on their own: the hourly purge, the first signing key (made on first need), the notice deliveries, the scheduled gateway canary. */
export type SystemJob = "purge" | "signing_keys" | "deliveries" | "canary";

/**
 * Who acts, for every verb, route and command: a person signed in to the portal (with their role),
 * the operator at the command line (by name), a system job, or an OAuth client at a protocol
 * endpoint. `ip` is where the request came from, when there was one; the audit trail keeps it.
 */
export type Actor =
  | { kind: "person"; id: string; email: string; role: Role; ip?: string | null }
  | { kind: "operator"; name: string; via: "cli" }
  | { kind: "system"; job: SystemJob }
  | { kind: "client"; clientId: string; ip?: string | null };

/** A signed-in person: what route handlers get from the session (withSession) and pass on. */
export type Person = Extract<Actor, { kind: "person" }>;

export const personActor = (user: Pick<SessionUser, "id" | "email" | "role">, ip: string | null = null): Person => ({
  kind: "person",
  id: user.id,
  email: user.email,
  role: user.role,
  ip,
});
export const operatorActor = (name: string): Actor => ({ kind: "operator", name, via: "cli" });
export const systemActor = (job: SystemJob): Actor => ({ kind: "system", job });
export const clientActor = (clientId: string, ip: string | null = null): Actor => ({ kind: "client", clientId, ip });

const OPERATOR_PREFIX = "operator:";

/** How the audit trail and the tokens list name the actor: an email, "operator:alice via cli", "system:purge", "client:<id>". */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "person":
      return actor.email;
    case "operator":
      return `${OPERATOR_PREFIX}${actor.name} via ${actor.via}`;
    case "system":
      return `system:${actor.job}`;
    case "client":
      return `client:${actor.clientId}`;
  }
}

/** True for a name `actorName` gave an operator (and the bare "cli" of rows written before operators had names). */
export const isOperatorName = (name: string) => name.startsWith(OPERATOR_PREFIX) || name === "cli";

/** The person's user id (the audit row's actorId), or null when no person acts. */
export const actorUserId = (actor: Actor): string | null => (actor.kind === "person" ? actor.id : null);
