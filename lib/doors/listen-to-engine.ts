import { on } from "@/lib/engine/hooks/hooks";
import { announceCommitted, rememberIntrospected } from "@/lib/engine/notices/race-resend";
import { noteIntrospected } from "@/lib/engine/usage/usage-buffer";
import { evictCommitted } from "@/lib/engine/validation-cache/evict";

/**
 * Subscribes this process's listeners to the engine's hooks (lib/engine/hooks): the validation
 * cache evicts what a commit ended (first: before anything else hears of it), the race re-send
 * remembers active answers and re-announces raced revocations, and usage notes introspections.
 * Every process does it before serving (lib/doors/bootstrap.ts); subscribing again changes nothing.
 */
export function listenToEngine(): void {
  on("committed", "validation cache", evictCommitted);
  on("committed", "race re-send", announceCommitted);
  on("introspected", "race re-send", rememberIntrospected);
  on("introspected", "usage", noteIntrospected);
}
