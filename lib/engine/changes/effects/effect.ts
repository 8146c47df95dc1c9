import type { ChangedToken, Dialect, Statement } from "@/lib/data/store";

/** What an effect is built with, inside its cause's transaction, after the token statement ran. */
export type EffectContext = { at: number; dialect: Dialect; changed: ChangedToken[] };

/** A cause's own state change: the statements that commit with its tokens. */
export type Effect<Args> = (args: Args, context: EffectContext) => Statement[];
