// ESLint guards the direction of the house (docs/ARCHITECTURE.md); types are tsc's job, style is prettier's.
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** What the domain may never reach: anything with I/O, a framework or the database. */
const IO_IMPORTS = [
  { group: ["@remix-run/*", "react", "react-dom", "react/*"], message: "app/domain is pure: no Remix or React (docs/ARCHITECTURE.md)." },
  { group: ["kysely", "kysely/*", "better-sqlite3", "pg", "pg-*"], message: "app/domain is pure: no database driver or query builder." },
  { group: ["node:*", "fs", "fs/*", "path", "os", "crypto", "child_process", "worker_threads", "stream", "stream/*", "http", "https", "net", "url", "v8", "vm"], message: "app/domain is pure: no Node.js I/O; pass clocks, random sources and data in." },
  { group: ["**/*.server", "**/*.server.*", "**/services/**", "**/db/**", "**/db.server"], message: "app/domain is pure: services and db/ call the domain, never the reverse." },
];

/**
 * Classic zod in any module a browser bundle reaches puts zod's shared core files, with everything classic uses, in a
 * chunk the citizen form loads too (the bundler splits by file): ~70 KiB gzip of its first load. Server files too,
 * so that one import style holds everywhere (docs/BENCHMARKS.md, first load).
 */
const CLASSIC_ZOD = [
  { name: "zod", message: 'Import zod/mini (`import * as z from "zod/mini"`): classic zod lands in the citizen form\'s first load.' },
  { name: "zod/v4", message: 'Import zod/mini (`import * as z from "zod/mini"`): classic zod lands in the citizen form\'s first load.' },
];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "test-results/**", "tests/.tmp/**", "data/**", ".cache/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: "latest", sourceType: "module" } },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: CLASSIC_ZOD }] },
  },
  {
    files: ["app/domain/**/*.ts"],
    ignores: ["app/domain/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { paths: CLASSIC_ZOD, patterns: IO_IMPORTS }] },
  },
  {
    // Components render what routes give them: a type from a service is fine, a call into one is not.
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/*.server", "**/db.server"], allowTypeImports: true, message: "Components do no data access: take data from the route." }] },
      ],
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
  },
);
