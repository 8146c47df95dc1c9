import type { ApiRef, ChangedToken, QueuedNotices } from "@/lib/data/store";

// The engine's in-process hooks, as node-oidc-provider emits `grant.revoked`: the change pipeline
// and introspection say what happened, and the parts that keep memory of it (the validation
// cache, the race re-send, usage) listen, instead of being called from inside commit and
// introspection code. The doors subscribe them before serving (lib/doors/listen-to-engine.ts).
// Listeners run synchronously, in subscription order, before emit returns: the committing process
// has evicted before its door answers. Other processes hear of a commit through the instance bus.

/** A change committed: a cause's token change, or a subscription, API lifecycle or settings change. */
export type Committed = {
  cause: string | null; // lib/engine/changes/causes.shared.ts; null for a subscription change
  changed: ChangedToken[]; // the tokens whose validity changed
  /** Whose cached answers ended beyond the changed tokens: a client's for one API, or all of them (api null). */
  clients: { clientId: string; api: ApiRef | null }[];
  notices: QueuedNotices;
};

/** One introspection, answered from the cache or the store (before its answer is signed and sent). */
export type Introspected = {
  at: number;
  hash: string;
  clientId: string | null; // the token's client; null for a token the key manager does not know
  tokenId: string | null; // the token, when the caller was answered "active"
};

type Events = { committed: Committed; introspected: Introspected };
type Listener<E extends keyof Events> = (event: Events[E]) => void;
type Registry = { [E in keyof Events]: Map<string, Listener<E>> };

// Process-wide: Next's bundles and server.ts load this module separately but commit for one process.
const registry = ((globalThis as unknown as { portcullisHooks?: Registry }).portcullisHooks ??= {
  committed: new Map(),
  introspected: new Map(),
});

/** Subscribes `listener` under `name`: subscribing a name again replaces it, so each part listens once. Returns the unsubscribe. */
export function on<E extends keyof Events>(event: E, name: string, listener: Listener<E>): () => void {
  (registry[event] as Map<string, Listener<E>>).set(name, listener);

  return () => {
    if (registry[event].get(name) === listener) registry[event].delete(name);
  };
}

/** Calls every listener; one that throws does not keep the others from running, and its error is thrown after them. */
export function emit<E extends keyof Events>(event: E, payload: Events[E]): void {
  let failure: { err: unknown } | null = null;
  for (const listener of (registry[event] as Map<string, Listener<E>>).values()) {
    try {
      listener(payload);
    } catch (err) {
      failure ??= { err };
    }
  }
  if (failure) throw failure.err;
}
