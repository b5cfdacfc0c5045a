// SIPAS_BUILD_DIR lets several checkouts' test runs build side by side without clobbering each other.
const out = process.env.SIPAS_BUILD_DIR ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverBuildPath: `${out}/index.js`,
  assetsBuildDirectory: `${out}/client`,
  cacheDirectory: `${out}/.cache`,
  publicPath: "/build/",
  // better-sqlite3 and pg are native / node-only: keep them out of the server bundle.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
