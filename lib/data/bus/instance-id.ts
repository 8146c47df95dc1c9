import { randomUUID } from "node:crypto";

// Names this process on the instance bus, so it can tell its own messages from other instances'.
// Process-wide: Next's bundles and server.ts load this module separately but are one instance.
const holder = globalThis as unknown as { portcullisInstanceId?: string };

export const INSTANCE_ID = (holder.portcullisInstanceId ??= randomUUID());
