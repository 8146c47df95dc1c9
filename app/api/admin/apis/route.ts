import { createApi } from "@/lib/apis/create-api";
import { listAllApis } from "@/lib/apis/list-apis";
import { createApiSchema } from "@/lib/apis/schemas.shared";
import { withSession } from "@/lib/doors/http/with-session";

// GET /api/admin/apis — every API version, versions of one API together.
export const GET = withSession(async ({ actor }) => Response.json(await listAllApis({ actor })), { may: "apis.manage" });

// POST /api/admin/apis — register an API version as a draft (its OpenAPI document validated as 3.x).
export const POST = withSession(
  async ({ req, actor }) => {
    const input = createApiSchema.parse(await req.json());

    return Response.json(await createApi({ ...input, actor }), { status: 201 });
  },
  { may: "apis.manage" },
);
