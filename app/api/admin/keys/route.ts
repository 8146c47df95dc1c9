import { withSession } from "@/lib/doors/http/with-session";
import { rotateKeySchema } from "@/lib/engine/keys/schemas.shared";
import { listSigningKeys } from "@/lib/keys/list-signing-keys";
import { rotateSigningKey } from "@/lib/keys/rotate-signing-key";

// GET /api/admin/keys — the JWT signing keys and their states.
export const GET = withSession(async ({ actor }) => Response.json(await listSigningKeys({ actor })), { may: "keys.manage" });

// POST /api/admin/keys — rotate: a new key, published at once, signing shortly after; the old one kept for the overlap.
export const POST = withSession(
  async ({ req, actor }) => {
    const input = rotateKeySchema.parse(await req.json());

    return Response.json(await rotateSigningKey({ ...input, actor }), { status: 201 });
  },
  { may: "keys.manage" },
);
