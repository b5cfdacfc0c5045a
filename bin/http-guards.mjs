// What the web server checks before a request reaches Remix, and the short page it answers with when it
// refuses one: methods, content types, body sizes, URL length, security headers. No stack trace ever
// leaves this server (ADR 021).
import remixNode from "@remix-run/node";
import { randomBytes } from "node:crypto";

export const ALLOWED_METHODS = "GET, HEAD, POST";

/** A page form (the citizen's answers, a paper form, a sign-in) is a few kilobytes; 512 KB leaves room for long comments. */
export const FORM_BODY_LIMIT = 512 * 1024;

/** Room for the multipart envelope and the small fields around an uploaded file. */
const ENVELOPE = 1024 * 1024;
const MB = 1024 * 1024;

/**
 * The pages that take an uploaded CSV file, with their cap (the receiving service streams the file to disk and
 * checks the same size). The `.data` suffix is Remix's single-fetch form of the same URL.
 */
export const UPLOAD_ROUTES = [
  { path: /^\/staff\/rounds\/[^/]+\/sample(\/upload)?(\.data)?$/, maxBytes: 1024 * MB + ENVELOPE },
  { path: /^\/staff\/rounds\/[^/]+\/data(\.data)?$/, maxBytes: 200 * MB + ENVELOPE },
  // A new round's unit list (a whole country's communes are about 1 MB).
  { path: /^\/staff\/rounds\/new(\.data)?$/, maxBytes: 20 * MB + ENVELOPE },
];

/** Longer addresses are refused before routing (the longest real one, a results page with its options, is < 1 KB). */
export const MAX_URL_LENGTH = 4096;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

const messages = {
  400: { vi: "Yêu cầu không hợp lệ.", en: "The request could not be understood." },
  404: { vi: "Không tìm thấy trang.", en: "Page not found." },
  405: { vi: "Trang này không nhận phương thức đó.", en: "This page does not accept that method." },
  408: { vi: "Gửi quá chậm; vui lòng thử lại.", en: "The request took too long to arrive; please try again." },
  413: { vi: "Nội dung gửi lên quá lớn.", en: "What was sent is too large." },
  414: { vi: "Đường dẫn quá dài.", en: "The address is too long." },
  415: {
    vi: "Kiểu nội dung này không được nhận; vui lòng gửi bằng biểu mẫu trên trang.",
    en: "This kind of content is not accepted; please send it with the form on the page.",
  },
  500: { vi: "Đã có lỗi xảy ra. Vui lòng thử lại sau.", en: "Something went wrong. Please try again later." },
};

/** `sipas_lang` as Remix's createCookie writes "en" (base64 of the JSON string), or an English-first browser. */
export function prefersEnglish(req) {
  const cookie = req.headers.cookie ?? "";
  if (/(?:^|;\s*)sipas_lang=ImVuIg(?:%3D%3D|==)/.test(cookie)) return true;
  if (/(?:^|;\s*)sipas_lang=/.test(cookie)) return false;
  return /^\s*en\b/i.test(req.headers["accept-language"] ?? "");
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** At most this much of a refused body is read (and thrown away) so that the client, still sending, gets the answer. */
const DRAIN_LIMIT = 16 * MB;
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Calls `then` once the rest of the request body has been read and discarded, or once more than DRAIN_LIMIT bytes
 * or DRAIN_TIMEOUT_MS have passed. Answering while a browser is still sending makes it see a broken connection
 * (EPIPE) instead of the 413 page; reading on costs no memory, and the bounds keep a hostile sender from holding us.
 */
function afterDraining(req, then) {
  if (req.complete || req.destroyed) return then();
  let seen = 0;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off("data", onData);
    then();
  };
  const onData = (chunk) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT) finish();
  };
  const timer = setTimeout(finish, DRAIN_TIMEOUT_MS);
  req.on("data", onData);
  req.on("end", finish);
  req.on("error", finish);
  req.on("close", finish);
  req.resume();
}

/** A short page (or JSON for a script that asked for it) saying why a request was refused, in the reader's language first. */
export function sendRefusal(req, res, status) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (req.method === "POST" && status !== 408 && !req.complete) return afterDraining(req, () => writeRefusal(req, res, status));
  writeRefusal(req, res, status);
}

function writeRefusal(req, res, status) {
  const text = messages[status] ?? messages[status >= 500 ? 500 : 400];
  if (res.headersSent || res.destroyed) return;
  if (status === 405) res.setHeader("Allow", ALLOWED_METHODS);
  // What was left of a refused body may not have been read: do not reuse the connection.
  if (status === 413 || status === 408) res.setHeader("Connection", "close");
  res.setHeader("Cache-Control", "no-store");
  if (/application\/json/.test(req.headers.accept ?? "")) {
    res.status(status).json({ ok: false, message: text, details: [] });
    return;
  }
  const [first, second] = prefersEnglish(req) ? [text.en, text.vi] : [text.vi, text.en];
  const lang = prefersEnglish(req) ? "en" : "vi";
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${status} – SIPAS</title></head><body><main><h1>${escapeHtml(first)}</h1><p lang="${lang === "vi" ? "en" : "vi"}">${escapeHtml(second)}</p>` +
        `<p><a href="/">${lang === "vi" ? "Về trang chủ" : "Home page"}</a></p></main></body></html>`,
    );
}

const CSP_BEFORE_NONCE = "default-src 'self'; script-src 'self' 'nonce-";
const CSP_AFTER_NONCE =
  "'; " +
  [
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");

// Nonces are cut from a block of random bytes drawn now and then (one draw per request cost about 1% of a citizen's
// POST): each is 16 bytes of the system's secure random source, used once, never reused.
let randomBlock = Buffer.alloc(0);
let randomAt = 0;
function cspNonce() {
  if (randomAt + 16 > randomBlock.length) {
    randomBlock = randomBytes(4096);
    randomAt = 0;
  }
  randomAt += 16;
  return randomBlock.toString("base64", randomAt - 16, randomAt);
}

/**
 * Security headers for every response. The Content-Security-Policy allows scripts from this site and the inline
 * scripts Remix writes into a page, which carry this request's nonce; inline `style` attributes (bar widths,
 * indents) are allowed, style sheets only from this site.
 */
export function securityHeaders(req, res, next) {
  const nonce = cspNonce();
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", CSP_BEFORE_NONCE + nonce + CSP_AFTER_NONCE);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Answer links carry the citizen's code: never send the address to another site. (Not "no-referrer": Chromium
  // then posts forms with `Origin: null`, which Remix refuses as a cross-site action.)
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (process.env.COOKIE_SECURE === "1") res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
}

/** Methods, URL length, content type and declared size, checked before anything is read. */
export function requestGuard(req, res, next) {
  if (req.method === "OPTIONS") {
    res.setHeader("Allow", ALLOWED_METHODS);
    res.status(204).end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") return sendRefusal(req, res, 405);
  if (req.originalUrl.length > MAX_URL_LENGTH) return sendRefusal(req, res, 414);
  if (req.method !== "POST") return next();
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity") return sendRefusal(req, res, 415);
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return sendRefusal(req, res, 415);
  if (type === "multipart/form-data" && !/;\s*boundary=/i.test(req.headers["content-type"])) return sendRefusal(req, res, 400);
  const upload = type === "multipart/form-data" ? UPLOAD_ROUTES.find((r) => r.path.test(req.path)) : undefined;
  const limit = upload ? upload.maxBytes : FORM_BODY_LIMIT;
  const declared = req.headers["content-length"];
  if (declared !== undefined && !(Number(declared) <= limit)) return sendRefusal(req, res, 413);
  res.locals.body = { limit, streamed: !!upload };
  next();
}

/** Reads a form body into memory, at most `limit` bytes; null when the client sent more (or went away). */
export function readSmallBody(req, limit) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      resolve(value);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) return finish({ tooLarge: true });
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => finish({ body: Buffer.concat(chunks, size) }));
    req.on("error", () => finish({ gone: true }));
    req.on("close", () => finish({ gone: true }));
  });
}

/** A web stream over a large body that fails once more than `limit` bytes have come (a sender that lied about its size). */
export function limitedStream(req, limit) {
  let size = 0;
  return new ReadableStream({
    start(controller) {
      req.on("data", (chunk) => {
        size += chunk.length;
        if (size > limit) {
          const error = new Error("The request body is larger than this page accepts.");
          error.name = "PayloadTooLargeError";
          controller.error(error);
          req.destroy();
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on("end", () => controller.close());
      req.on("error", (e) => controller.error(e));
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.destroy();
    },
  }, { highWaterMark: 4, size: () => 1 });
}

/** The web Request Remix handles: like @remix-run/express's, with the body already read or size-limited. */
export function remixRequest(req, res, body) {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = Number.isSafeInteger(Number.parseInt(forwardedPort, 10)) ? forwardedPort : Number.isSafeInteger(Number.parseInt(hostPort, 10)) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init = { method: req.method, headers: requestHeaders(req.headers), signal: controller.signal };
  if (body !== undefined) {
    init.body = body;
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

function requestHeaders(nodeHeaders) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(nodeHeaders)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  return headers;
}

const WHOLE_BODY_MAX = 1 << 20;

/** Writes Remix's response (as @remix-run/express does). */
export async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (!response.body) return res.end();
  // A document of known, small length (the server entry renders pages whole) is written as one buffer: one pass
  // through compression instead of one a chunk. Anything else (downloads, event streams) streams as it comes.
  const length = Number(response.headers.get("Content-Length"));
  if (length > 0 && length <= WHOLE_BODY_MAX) res.end(Buffer.from(await response.arrayBuffer()));
  else await remixNode.writeReadableStreamToWritable(response.body, res);
}
