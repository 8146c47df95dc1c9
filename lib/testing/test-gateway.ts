import { db } from "@/lib/data/db/client";
import { afterAll, beforeAll } from "vitest";
import { createTestGateway } from "./factories";
import { startNoticeReceiver } from "./notice-receiver";

type Receiver = Awaited<ReturnType<typeof startNoticeReceiver>>;
type TestGateway = Awaited<ReturnType<typeof createTestGateway>>;

/**
 * A real notice receiver registered as a gateway, for the tests of the file or `describe` that calls this:
 * up before them, deleted after (so later files' notices are not retried at a closed port).
 */
export function gatewayForTheseTests(): { readonly receiver: Receiver; readonly gateway: TestGateway } {
  let receiver: Receiver | undefined;
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    receiver = await startNoticeReceiver();
    gateway = await createTestGateway(receiver.url);
  });
  afterAll(async () => {
    if (gateway) await db.gateway.delete({ where: { id: gateway.gateway.id } });
    await receiver?.close();
  });

  return {
    get receiver() {
      return receiver!;
    },
    get gateway() {
      return gateway!;
    },
  };
}
