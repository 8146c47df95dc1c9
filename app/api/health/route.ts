// GET /api/health — for load balancers and the e2e web server: ready once migrations ran.
export const GET = () => Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });

export const dynamic = "force-dynamic";
