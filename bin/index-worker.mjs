// The index worker thread run from source (tests, the CLI, `npm run dev`): TypeScript through tsx.
// The web server runs the bundled copy the build writes (bin/build-worker.mjs).
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../app/workers/index-worker.ts");
