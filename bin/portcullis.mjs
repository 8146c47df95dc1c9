#!/usr/bin/env node
// The `portcullis` command: runs the TypeScript CLI through tsx, with the project's path aliases.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
register({ tsconfig: `${root}tsconfig.json` });
await import(`${root}cli/index.ts`);
