// Delivery attempts still running in this process, so a stopping worker (or an exiting CLI) can
// wait for their outcomes to be recorded. Process-wide: Next's bundles and server.ts load this
// module separately but share one set.
const inFlight = ((globalThis as unknown as { portcullisInFlight?: Set<Promise<unknown>> }).portcullisInFlight ??= new Set());

export function track<T>(p: Promise<T>): Promise<T> {
  inFlight.add(p);
  const forget = () => void inFlight.delete(p);
  p.then(forget, forget);

  return p;
}

export const settleInFlight = () => Promise.allSettled([...inFlight]);
