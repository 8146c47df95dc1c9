// Each test file's process listens to the engine's hooks as every door's process does (lib/doors/bootstrap.ts).
import { listenToEngine } from "@/lib/doors/listen-to-engine";

listenToEngine();
