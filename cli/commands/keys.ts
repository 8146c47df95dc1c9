import type { SigningKeySummary } from "@/lib/engine/keys/schemas.shared";
import { listSigningKeys } from "@/lib/keys/list-signing-keys";
import { rotateSigningKey } from "@/lib/keys/rotate-signing-key";
import type { Command } from "commander";
import { cliOperator } from "../operator";
import type { Run } from "../run";

const keyJson = (k: SigningKeySummary) => ({
  kid: k.kid,
  alg: k.alg,
  state: k.state,
  created_at: k.createdAt,
  activates_at: k.activatesAt,
  expires_at: k.expiresAt,
});

export function keysCommands(program: Command, run: Run) {
  const keys = program.command("keys").description("the key manager's JWT signing keys (JWT access tokens, JWT to the backend)");
  keys
    .command("list")
    .description("every signing key: next, current, previous (still in the JWKS) or expired")
    .action(run(async () => ({ keys: (await listSigningKeys({ actor: cliOperator() })).map(keyJson) })));
  keys
    .command("rotate")
    .description("make a new signing key; the keys it replaces stay in the JWKS for the overlap")
    .option("--overlap <seconds>", "how long the replaced key still verifies (default: the access-token maximum lifetime)")
    .option("--alg <alg>", "ES256 (default) or RS256")
    .action(
      run(async (o: { overlap?: string; alg?: string }) => {
        const rotated = await rotateSigningKey({
          overlapSeconds: o.overlap as unknown as number | undefined, // the schema coerces and checks it
          alg: o.alg as "ES256" | undefined,
          actor: cliOperator(),
        });

        return {
          kid: rotated.kid,
          alg: rotated.alg,
          activates_at: rotated.activatesAt,
          previous_expire_at: rotated.previousExpireAt,
          replaced: rotated.replaced,
        };
      }),
    );
}
