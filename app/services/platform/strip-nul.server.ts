/**
 * React 18.3's streaming renderer sometimes flushes its whole 2 kB buffer when a multi-byte
 * character did not fit at its end, leaving zero bytes as padding (react#24985, #31134). In
 * Vietnamese text that happens on almost every long page, and browsers show "�" where it lands
 * in attributes, titles or SVG text. HTML never holds a NUL, so dropping them from the rendered
 * document restores exactly what renderToString would have produced (tests/unit/html-stream.test.ts).
 */
export function withoutNulBytes(html: Buffer): Buffer {
  return html.indexOf(0) === -1 ? html : Buffer.from(html.filter((byte) => byte !== 0));
}
