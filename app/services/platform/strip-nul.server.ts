import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer sometimes flushes its whole 2 kB buffer when a multi-byte
 * character did not fit at its end, leaving zero bytes as padding (react#24985, #31134). In
 * Vietnamese text that happens on almost every long page, and browsers show "�" where it lands
 * in attributes, titles or SVG text. HTML never holds a NUL, so dropping them restores exactly
 * what renderToString would have produced (tests/unit/html-stream.test.ts).
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      done(null, Buffer.from(chunk.filter((byte) => byte !== 0)));
    },
  });
}
