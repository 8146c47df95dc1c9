import { logConnectionLoss } from "@/lib/data/db/connection-errors";
import pg from "pg";
import { INSTANCE_ID } from "./instance-id";
import { EVENTS_CHANNEL, parseBusPayload, type EventsCommitted } from "./messages";

/** How the listening connections show in pg_stat_activity. */
export const BUS_APPLICATION_NAME = "portcullis bus";
const RECONNECT_MS = Number(process.env.PORTCULLIS_BUS_RECONNECT_MS ?? 1_000); // the fault suite lengthens it to watch an outage

export type BusListener = {
  connected: () => boolean;
  /**
   * A round trip on the listening connection: PostgreSQL sends a listener every notification
   * committed before the query arrives ahead of its answer, so once it resolves this process has
   * heard of every change committed before the call. Rejects while the listener is down.
   */
  roundTrip: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Listens on the instance bus (PostgreSQL LISTEN/NOTIFY) for other instances' committed events, on
 * one dedicated connection that reconnects after a loss. `onDown` and `onUp` tell the caller when it
 * may have missed messages (a cache must then forget what it holds).
 */
export function listenForEvents(
  connectionString: string,
  onEvents: (m: EventsCommitted) => void,
  { onDown = () => {}, onUp = () => {} }: { onDown?: () => void; onUp?: () => void } = {},
): BusListener {
  let client: pg.Client | null = null;
  let up = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = () => {
    if (up) onDown();
    up = false;
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = null;
    if (!stopped) retry ??= setTimeout(connect, RECONNECT_MS).unref();
  };

  async function connect() {
    retry = undefined;
    const c = (client = new pg.Client({ connectionString, application_name: BUS_APPLICATION_NAME }));
    c.on("error", (err) => {
      logConnectionLoss("instance bus")(err);
      lost();
    });
    c.on("end", lost);
    c.on("notification", (n) => {
      const m = n.channel === EVENTS_CHANNEL ? parseBusPayload(n.payload) : null;
      if (m && m.from !== INSTANCE_ID) onEvents(m); // this process acted on its own commits already
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (client !== c) return;
      up = true;
      onUp();
    } catch (err) {
      if (client === c) {
        logConnectionLoss("instance bus")(err as Error);
        lost();
      }
    }
  }

  void connect();

  return {
    connected: () => up,
    async roundTrip() {
      if (!up || !client) throw new Error("the instance bus is down");
      await client.query("SELECT 1");
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => {});
    },
  };
}
