// The requests of the seeded malformed-request test (tests/e2e/malformed-requests.spec.ts): every public and staff
// route, crossed with bad methods, content types, encodings, huge and truncated bodies, bad cookies, missing CSRF,
// long URLs and broken multipart bodies. A seeded generator: a failure names its seed and its request, and the
// same seed sends the same requests again.

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fixture {
  code: string;
  roundId: string;
  /** The signed-in staff cookie and its CSRF token. */
  staffCookie: string;
  csrf: string;
}

/** One request as bytes on a socket: a request line, headers and a body (possibly cut short). */
export interface RawRequest {
  label: string;
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
  /** Declared length, when it differs from the body (a truncated upload, a lie). */
  declaredLength?: number;
  /** Close the socket after sending, without waiting (a client that gives up). */
  hangUp?: boolean;
  /** Raw bytes sent instead of a well-formed request line and headers. */
  raw?: Buffer;
}

export function routes(f: Fixture): string[] {
  const r = `/staff/rounds/${f.roundId}`;
  return [
    "/",
    `/s/${f.code}`,
    `/s/${f.code}?page=B`,
    `/s/${f.code}/thanks`,
    "/s/NOT-A-CODE",
    "/staff",
    "/staff/login",
    "/staff/login?next=/staff",
    "/staff/logout",
    r,
    `${r}/compare`,
    `${r}/data`,
    `${r}/data/codebook.csv`,
    `${r}/data/indices.csv`,
    `${r}/data/responses.csv`,
    `${r}/entry`,
    `${r}/entry/review`,
    `${r}/fieldwork`,
    `${r}/fieldwork/export`,
    `${r}/invitations`,
    `${r}/invitations/mail-merge`,
    `${r}/invitations/print?scope=codes&codes=${f.code}`,
    `${r}/results`,
    `${r}/results/progress`,
    `${r}/sample`,
    `${r}/sample/upload`,
    `${r}/sample/import/nope`,
    `${r}/sample/import/nope/progress`,
    `${r}/sample/import/nope/rejected`,
    "/staff/rounds/no-such-round",
    "/no/such/page",
    "/_root.data",
    "/assets/none.js",
  ];
}

const METHODS = ["GET", "GET", "GET", "POST", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO"];
const FIELDS = ["code", "intent", "page", "csrf", "username", "password", "next", "A_SEX", "Q1_ECON", "comment", "scope", "outcome", "count", "file", "mode"];
const VALUES = ["", "next", "submit", "save", "back", "A", "B", "1", "9", "-1", "admin", "ABCDE-FGHJK", "/\\evil.example/", "%", "\u0000", "x".repeat(3000), "Tiếng Việt có dấu", "<script>alert(1)</script>", "[]", "{}"];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function urlencoded(rand: () => number, f: Fixture, withCsrf: boolean): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) parts.push(`${encodeURIComponent(pick(rand, FIELDS))}=${encodeURIComponent(pick(rand, VALUES))}`);
  if (withCsrf) parts.push(`csrf=${encodeURIComponent(f.csrf)}`);
  // Broken percent-encodings and bytes that are not UTF-8.
  if (rand() < 0.2) parts.push(pick(rand, ["code=%ZZ", "page=%", "x=%E0%A4%A", "%%%=%%%", "a=%C0%AF", "=", "&&&"]));
  return parts.join("&");
}

function multipart(rand: () => number, boundary: string, f: Fixture, withCsrf: boolean, truncate: boolean): Buffer {
  const parts: string[] = [];
  if (withCsrf) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${f.csrf}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${pick(rand, FIELDS)}"\r\n\r\n${pick(rand, VALUES)}\r\n`);
  if (rand() < 0.5) {
    const csv = rand() < 0.5 ? "ma,ten\n1,An\n2,\"Bình\n" : "\u0000\u0001\u0002PK\u0003\u0004binary";
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="frame.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`);
  }
  if (rand() < 0.15) parts.push(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n`);
  let text = parts.join("") + (truncate ? "" : `--${boundary}--\r\n`);
  if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length * rand())));
  return Buffer.from(text);
}

function cookieFor(rand: () => number, f: Fixture): string | null {
  const roll = rand();
  if (roll < 0.35) return f.staffCookie;
  if (roll < 0.5) return null;
  return pick(rand, [
    "__sipas_staff=garbage",
    "__sipas_staff=eyJ0b2tlbiI6Im5vcGUifQ%3D%3D.AAAA",
    `__sipas_staff=${"A".repeat(3000)}`,
    "__sipas_visitor=eyJpZCI6MSwiY29kZXMiOiJ4In0%3D.bad",
    "sipas_lang=ImVuIg%3D%3D; __sipas_known=%%%",
    "=; ;;; a=b=c",
    "sipas_lang=\"unterminated",
    `${f.staffCookie}; __sipas_staff=second`,
  ]);
}

/** The n-th request of the storm: deterministic for a seed. */
export function makeRequest(rand: () => number, f: Fixture, index: number): RawRequest {
  const all = routes(f);
  let path = pick(rand, all);
  const method = pick(rand, METHODS);
  const headers: [string, string][] = [["Host", "127.0.0.1"], ["Connection", "close"]];
  const cookie = cookieFor(rand, f);
  if (cookie) headers.push(["Cookie", cookie]);
  if (rand() < 0.3) headers.push(["Accept-Language", pick(rand, ["en", "vi", "*", "xx;q=oops", ""])]);
  if (rand() < 0.1) path += (path.includes("?") ? "&" : "?") + "q=" + "%41".repeat(Math.floor(rand() * 3000));
  if (rand() < 0.05) path += (path.includes("?") ? "&" : "?") + "long=" + "x".repeat(4000 + Math.floor(rand() * 8000));
  if (rand() < 0.05) path = path.replace(/\?.*$/, "") + ".data";
  if (rand() < 0.03) path = pick(rand, ["/%", "/%E0%A4%A", "//evil.example/", "/s/%F0%9F%98%80", "/staff/../../etc/passwd", "/s/" + "Z".repeat(300)]);

  // A few requests that are not HTTP as Node's client would write it.
  if (rand() < 0.04) {
    const raw = pick(rand, [
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nZZ\r\ncode=1\r\n",
      "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GARBAGE\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n",
      "POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: -1\r\n\r\n",
    ]);
    return { label: `#${index} raw ${JSON.stringify(raw.slice(0, 60))}`, method: "RAW", path: "", headers: [], body: Buffer.alloc(0), raw: Buffer.from(raw) };
  }

  let body: Buffer = Buffer.alloc(0);
  let declaredLength: number | undefined;
  let hangUp = false;
  // The real token, sometimes (the rest test "missing CSRF"); never to sign-out, which would end the staff session
  // that the other requests use to reach past the staff guards.
  const withCsrf = rand() < 0.3 && !path.startsWith("/staff/logout");
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && method !== "TRACE") {
    const kind = pick(rand, ["form", "form", "form", "none", "text", "json", "multipart", "multipart", "no-boundary", "wrong-boundary", "truncated-multipart", "huge", "lie", "gzip"]);
    switch (kind) {
      case "form":
        headers.push(["Content-Type", pick(rand, ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=latin1"])]);
        body = Buffer.from(urlencoded(rand, f, withCsrf));
        if (rand() < 0.1) body = Buffer.concat([body, Buffer.from([0xff, 0xfe, 0xc3, 0x28])]);
        break;
      case "none":
        body = Buffer.from(urlencoded(rand, f, withCsrf));
        break;
      case "text":
        headers.push(["Content-Type", "text/plain"]);
        body = Buffer.from("code=ABCDE-FGHJK");
        break;
      case "json":
        headers.push(["Content-Type", "application/json"]);
        body = Buffer.from(rand() < 0.5 ? '{"code":"ABCDE-FGHJK"}' : '{"code":');
        break;
      case "multipart": {
        const boundary = `----sipas${Math.floor(rand() * 1e9)}`;
        headers.push(["Content-Type", `multipart/form-data; boundary=${boundary}`]);
        body = multipart(rand, boundary, f, withCsrf, false);
        break;
      }
      case "no-boundary":
        headers.push(["Content-Type", "multipart/form-data"]);
        body = multipart(rand, "x", f, withCsrf, false);
        break;
      case "wrong-boundary":
        headers.push(["Content-Type", "multipart/form-data; boundary=not-the-one"]);
        body = multipart(rand, "the-real-one", f, withCsrf, false);
        break;
      case "truncated-multipart": {
        const boundary = "----cut";
        headers.push(["Content-Type", `multipart/form-data; boundary=${boundary}`]);
        body = multipart(rand, boundary, f, withCsrf, true);
        break;
      }
      case "huge":
        // Over the 512 KB form limit (and, for uploads, sent without the end): the server must refuse, not keep.
        headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
        body = Buffer.alloc(600 * 1024 + Math.floor(rand() * 400 * 1024), "a");
        break;
      case "lie":
        // Says more than it sends, then goes away: the server must not wait forever or fail.
        headers.push(["Content-Type", pick(rand, ["application/x-www-form-urlencoded", "multipart/form-data; boundary=b"])]);
        body = Buffer.from("code=ABCDE");
        declaredLength = pick(rand, [100, 100_000, 2 * 1024 * 1024 * 1024]);
        hangUp = true;
        break;
      case "gzip":
        headers.push(["Content-Type", "application/x-www-form-urlencoded"], ["Content-Encoding", pick(rand, ["gzip", "br", "deflate", "identity, gzip"])]);
        body = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x41, 0x42]);
        break;
    }
  }
  return { label: `#${index} ${method} ${path.slice(0, 120)} ${headers.filter(([k]) => k === "Content-Type").map(([, v]) => v).join("")} (${body.length} B)`, method, path, headers, body, declaredLength, hangUp };
}
