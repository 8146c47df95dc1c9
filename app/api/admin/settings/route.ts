import { flushAfterResponse } from "@/lib/doors/http/flush-after-response";
import { withSession } from "@/lib/doors/http/with-session";
import { updateSettingsSchema } from "@/lib/settings/schemas";
import { getAllSettings, updateSettings } from "@/lib/settings/settings";

const NO_STORE = { "Cache-Control": "no-store" };

// GET /api/admin/settings — the token policy, values in seconds (and "true"/"false") as stored.
export const GET = withSession(async ({ actor }) => Response.json(await getAllSettings({ actor }), { headers: NO_STORE }), {
  may: "settings.manage",
});

// PATCH /api/admin/settings — `{ change, confirmLongRefresh? }`: validated as a whole, audited; nothing is saved on any error.
export const PATCH = withSession(
  async ({ req, actor }) => {
    const { change, confirmLongRefresh } = updateSettingsSchema.parse(await req.json());

    const { settings, notices } = await updateSettings({ change, actor, confirmLongRefresh });
    flushAfterResponse(notices); // a new backend_jwt default: gateways drop what they cached for the APIs following it

    return Response.json(settings, { headers: NO_STORE });
  },
  { may: "settings.manage" },
);
