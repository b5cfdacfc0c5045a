#!/usr/bin/env node
// The `sipas` command: runs the TypeScript CLI (app/cli) through tsx, calling the same services as the web app.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../app/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
