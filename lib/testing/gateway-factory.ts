import { createGateway } from "@/lib/gateways/create-gateway";
import { randomUUID } from "node:crypto";

export const TEST_ADMIN = { id: "admin-under-test", email: "admin@test.local", role: "admin" as const };

/** A registered gateway pointing at `revokeUrl`, with its one-time credentials. */
export const createTestGateway = (revokeUrl: string) =>
  createGateway({ actor: TEST_ADMIN, name: `gw-${randomUUID().slice(0, 8)}`, revokeUrl });
