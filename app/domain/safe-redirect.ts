const PROBE = "http://sipas.invalid";

/**
 * Where to go after signing in: a path on this site, or `fallback`. The candidate is resolved as a browser
 * would resolve it (`/\evil.example`, `/\t/evil.example` and `//evil.example` all lead to another site), and
 * only a result on the same origin is kept, normalised to its path, query and fragment.
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback = "/staff"): string {
  if (!candidate || !candidate.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, PROBE);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE) return fallback;
  return url.pathname + url.search + url.hash;
}
