// Classic "zod" installed English messages for zod's own issues ("Too small: expected number to be >=1") when it was
// imported. The app uses zod/mini everywhere so that no browser bundle carries classic zod (docs/BENCHMARKS.md,
// first load), and zod/mini installs none: without this, such details (a refused sample design, from the web or the
// CLI) would read "Invalid input". Imported once by each server entry (entry.server.tsx, cli/main.ts).
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());
