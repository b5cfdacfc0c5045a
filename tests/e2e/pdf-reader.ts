/**
 * Just enough of a PDF reader to check what Chromium's `page.pdf()` wrote, with nothing but
 * Node: page text (through each font's ToUnicode map), link targets, and QR codes drawn as
 * vector paths (qrcode's SVG becomes one stroked path per row, in module units).
 */
import { inflateSync } from "node:zlib";

interface PdfObject {
  num: number;
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.search(/stream\r?\n/);
    const obj: PdfObject = { num: Number(m[1]), dict: at >= 0 ? body.slice(0, at) : body };
    if (at >= 0) {
      const dataStart = start + at + body.slice(at).match(/stream\r?\n/)![0].length;
      const dataEnd = text.indexOf("endstream", dataStart);
      const raw = pdf.subarray(dataStart, dataEnd);
      obj.stream = /\/FlateDecode/.test(obj.dict) ? inflateSync(raw) : raw;
    }
    objects.set(obj.num, obj);
    re.lastIndex = end;
  }
  return objects;
}

/** glyph (hex) -> text, from a ToUnicode CMap. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, src, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src.toUpperCase(), utf16(dst));
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo, hi, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = lo.length;
      for (let g = parseInt(lo, 16), i = 0; g <= parseInt(hi, 16); g++, i++) {
        const base = parseInt(dst.slice(-4), 16) + i;
        map.set(g.toString(16).toUpperCase().padStart(width, "0"), utf16(dst.slice(0, -4) + base.toString(16).padStart(4, "0")));
      }
    }
  }
  return map;
}

export interface PdfPage {
  text: string;
  content: string;
}

export interface PdfDocument {
  pages: PdfPage[];
  /** Targets of link annotations. */
  links: string[];
}

export function readPdf(pdf: Buffer): PdfDocument {
  if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF");
  const objects = readObjects(pdf);
  const fontMaps = new Map<number, Map<string, string>>();
  const fontMap = (num: number) => {
    if (!fontMaps.has(num)) {
      const ref = objects.get(num)?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const stream = ref ? objects.get(Number(ref[1]))?.stream : undefined;
      fontMaps.set(num, stream ? parseCMap(stream.toString("latin1")) : new Map());
    }
    return fontMaps.get(num)!;
  };
  const pages: PdfPage[] = [];
  const links: string[] = [];
  for (const obj of objects.values()) {
    for (const [, uri] of obj.dict.matchAll(/\/URI \(([^)]*)\)/g)) links.push(uri);
  }
  // Pages in document order: follow the page tree's Kids.
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  const walk = (num: number): number[] => {
    const node = objects.get(num)!;
    if (/\/Type\s*\/Page\b(?!s)/.test(node.dict)) return [num];
    const kids = node.dict.match(/\/Kids\s*\[([^\]]*)\]/)![1];
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  for (const num of walk(Number(catalog.dict.match(/\/Pages (\d+) 0 R/)![1]))) {
    const page = objects.get(num)!;
    const fonts = new Map<string, number>();
    const fontDict = page.dict.match(/\/Font\s*<<([^>]*)>>/)?.[1] ?? "";
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name, Number(ref));
    const contentRefs = page.dict.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? "";
    const content = [...contentRefs.matchAll(/(\d+) 0 R/g)].map((r) => objects.get(Number(r[1]))?.stream?.toString("latin1") ?? "").join("\n");
    let current = new Map<string, string>();
    const runs: string[] = [];
    for (const [, font, shown] of content.matchAll(/\/(\w+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
      if (font) {
        current = fonts.has(font) ? fontMap(fonts.get(font)!) : new Map();
        continue;
      }
      let run = "";
      for (const [, hex] of shown.matchAll(/<([0-9A-Fa-f]*)>/g)) {
        for (const glyph of hex.toUpperCase().match(/.{4}/g) ?? []) run += current.get(glyph) ?? "\uFFFD";
      }
      runs.push(run);
    }
    pages.push({ text: runs.join(""), content });
  }
  return { pages, links };
}

/**
 * QR codes drawn on a page: after a white square `0 0 N N re f`, qrcode's SVG path strokes each
 * row of dark modules as `x y m  x2 y l` at y = row + 0.5. Returns each as rows of 0/1.
 */
export function qrMatrices(content: string): number[][][] {
  const found: number[][][] = [];
  const re = /(?:^|\n)0 0 (\d+) \1 re\nf\n0 0 0 RG 0 0 0 rg\n(?:\/\w+ gs\n)?((?:[\d.]+ [\d.]+ [ml]\n)+)S/g;
  for (const [, size, path] of content.matchAll(re)) {
    const n = Number(size);
    const grid = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let from = 0;
    for (const [, x, y, op] of path.matchAll(/([\d.]+) ([\d.]+) ([ml])/g)) {
      if (op === "m") from = Number(x);
      else for (let c = from; c < Number(x); c++) grid[Math.floor(Number(y))][c] = 1;
    }
    found.push(grid);
  }
  return found;
}
