// Seeds two rounds with realistic results (Lạng Sơn 2022 and 2023, six districts) into DATABASE_URL, for the
// results screenshots and for trying the results pages by hand; with --big also a round of 61,500 responses
// (ls-big, about half a minute to insert) whose first computation shows the progress panel:
//   DATABASE_URL=data/results-demo.sqlite SIPAS_ADMIN_PASSWORD=... npx tsx tests/tools/seed-results-demo.ts [--big]
import { migrateToLatest, openDatabase } from "../../db/connection";
import { seedDemo } from "../../app/services/demo/seed.server";
import { seedResultsRound } from "../fixtures/results-demo";

const handle = openDatabase({ url: process.env.DATABASE_URL });
await migrateToLatest(handle.db);
await seedDemo(handle.db, { adminPassword: process.env.SIPAS_ADMIN_PASSWORD, codes: 0 });
await seedResultsRound(handle.db, { id: "ls-2022", name: "Lạng Sơn 2022", definition: "sipas-2022@1", year: 2022, seed: 2022 });
await seedResultsRound(handle.db, { id: "ls-2023", name: "Lạng Sơn 2023", definition: "sipas-2023@1", year: 2023, seed: 2023 });
if (process.argv.includes("--big")) {
  await seedResultsRound(handle.db, { id: "ls-big", name: "Lạng Sơn 2024 (đợt lớn)", definition: "sipas-2023@1", year: 2024, seed: 7, scale: 150 });
}
await handle.close();
console.log(`rounds ls-2022 and ls-2023${process.argv.includes("--big") ? " and ls-big" : ""} seeded`);
