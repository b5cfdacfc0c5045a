// A worker thread run from source (tests, the CLI, `npm run dev`): app/workers/<name>.ts through tsx, the name
// given as the worker's first argument. The web server runs the bundles the build writes (bin/build-worker.mjs).
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!/^[a-z-]+$/.test(name ?? "")) throw new Error(`bin/worker.mjs: no worker named "${name}"`);
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import(`../app/workers/${name}.ts`);
