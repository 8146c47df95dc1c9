import { AppError } from "@/lib/base/errors.shared";
import { db } from "@/lib/data/db/client";
import { recordAuditEvent } from "@/lib/engine/audit/record-event";
import type { Actor } from "@/lib/engine/identity/actor.shared";
import { assertCan } from "@/lib/engine/identity/assert-can";
import { isValidScopeToken } from "@/lib/tokens/schemas";
import * as z from "zod";

export const createScopeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the scope.")
    .max(64, "Use at most 64 characters.")
    .refine(isValidScopeToken, "Use printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)."),
  description: z
    .string()
    .trim()
    .min(1, "Describe what the scope allows; people read it on the consent page.")
    .max(200, "Use at most 200 characters."),
  privileged: z.boolean().default(false), // only applications an admin granted it to may request it
});

type CreateScopeOptions = z.input<typeof createScopeSchema> & { actor: Actor };

/**
 * Adds a scope to the admin's catalog — the only scopes a client may request, and what consent shows:
 * open (any application may ask for it) or privileged (only applications an admin granted it to).
 */
export async function createScope({ actor, ...input }: CreateScopeOptions) {
  assertCan(actor, "scopes.manage");
  const { name, description, privileged } = createScopeSchema.parse(input);
  if (await db.scope.findUnique({ where: { name } }))
    throw new AppError("conflict", `The scope ${name} exists already.`, { name: ["Taken."] });

  return db.$transaction(async (tx) => {
    const scope = await tx.scope.create({ data: { name, description, privileged } });
    await recordAuditEvent({ appId: null, actor, action: "scope.created", detail: { name, privileged } }, tx);

    return { name: scope.name, description: scope.description, privileged: scope.privileged };
  });
}
