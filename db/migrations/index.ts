import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001-initial";
import * as m002 from "./002-fieldwork-and-results";
import * as m003 from "./003-fieldwork-imports";
import * as m005 from "./005-paper-entry";
import * as m006 from "./006-answer-codes";
import * as m007 from "./007-round-read-index";
import * as m008 from "./008-round-read-index-export";
import * as m009 from "./009-staff-governance";
import * as m010 from "./010-questionnaire-studio";
import * as m011 from "./011-frame-files";

/**
 * Migrations are listed here rather than read from disk, so they survive bundling by the
 * Remix compiler and run the same from the web server, the CLI and the tests.
 */
const migrations: Record<string, Migration> = {
  "001-initial": m001,
  "002-fieldwork-and-results": m002,
  "003-fieldwork-imports": m003,
  "005-paper-entry": m005,
  "006-answer-codes": m006,
  "007-round-read-index": m007,
  "008-round-read-index-export": m008,
  "009-staff-governance": m009,
  "010-questionnaire-studio": m010,
  "011-frame-files": m011,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
