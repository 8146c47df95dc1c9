#!/usr/bin/env node
// The `portcullis` command: runs the TypeScript CLI through tsx, with the project's path aliases.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
register({ tsconfig: `${root}tsconfig.json` });
await import(`${root}cli/index.ts`);
