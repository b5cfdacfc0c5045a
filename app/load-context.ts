declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the web server saw it (behind a proxy: with TRUST_PROXY set). */
    clientIp?: string;
    /** The Content-Security-Policy nonce of this response (bin/server.mjs). */
    cspNonce?: string;
    /** A citizen's POST the web server already answered as far as it could (citizen/post `fastCitizenPost`). */
    citizenAnswer?: () => Promise<import("./services/citizen/post.server").CitizenAnswer>;
  }
  // Single fetch is on (remix.config.js): loader data types follow `data()` and plain objects.
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
