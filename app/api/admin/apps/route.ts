import { listAllApps } from "@/lib/apps/list-all-apps";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/admin/apps?cursor&limit&q&sort — every application, whoever owns it; q matches the name or the owner's email.
export const GET = withSession(
  async ({ req, actor }) => Response.json(await listAllApps({ ...Object.fromEntries(new URL(req.url).searchParams), actor })),
  { may: "apps.oversee" },
);
