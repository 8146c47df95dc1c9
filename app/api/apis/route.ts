import { listCatalog } from "@/lib/apis/list-apis";
import { withSession } from "@/lib/doors/http/with-session";
import * as z from "zod";

const catalogQuerySchema = z.object({ q: z.string().max(100).optional(), status: z.enum(["published", "deprecated"]).optional() });

// GET /api/apis?q=&status= — the catalog: published and deprecated API versions.
export const GET = withSession(async ({ req }) => {
  const query = catalogQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));

  return Response.json(await listCatalog(query));
});
