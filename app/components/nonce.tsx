import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (bin/server.mjs makes one per request), for the inline
 * scripts Remix writes. Only the server renders it: browsers hide a nonce from the page once it is parsed.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
