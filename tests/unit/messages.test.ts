/**
 * The message catalogue is complete: every entry has Vietnamese and English, both with the same parameters, and no
 * user-facing error is raised as a bare string (which would reach the reader in one language only).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../app/domain/errors";
import { catalogue, entryOf, localize, msg, render } from "../../app/domain/messages";
import { LANGUAGE_NEUTRAL, UNMARKED_VIETNAMESE } from "../../app/domain/messages/neutral";
import { placeholderNames } from "../../app/domain/messages/template";

const entries = Object.entries(catalogue).flatMap(([area, words]) =>
  Object.entries(words as Record<string, { vi: unknown; en: unknown }>).map(([name, e]) => ({ key: `${area}.${name}`, ...e })),
);

// Letters only Vietnamese uses (with their tone marks), so an English sentence copied into `vi` is caught.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("the message catalogue", () => {
  it("has a Vietnamese and an English text for every key, trimmed and in NFC", () => {
    expect(entries.length).toBeGreaterThan(100);
    const wrong = entries.flatMap((e) =>
      (["vi", "en"] as const).flatMap((l) => {
        const text = e[l];
        if (typeof text !== "string" || text.trim() === "") return [`${e.key}: no ${l} text`];
        if (text !== text.trim()) return [`${e.key}: ${l} has spaces at an end`];
        if (text !== text.normalize("NFC")) return [`${e.key}: ${l} is not NFC`];
        return [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("writes the Vietnamese in Vietnamese (not a copy of the English), except for the few language-neutral words", () => {
    const notVietnamese = entries
      .filter((e) => !LANGUAGE_NEUTRAL.has(e.key))
      .filter((e) => e.vi === e.en || (!UNMARKED_VIETNAMESE.has(e.key) && !VIETNAMESE.test(String(e.vi))))
      .map((e) => `${e.key}: "${String(e.vi)}"`);
    expect(notVietnamese).toEqual([]);
    const notNeutral = entries.filter((e) => LANGUAGE_NEUTRAL.has(e.key) && e.vi !== e.en).map((e) => e.key);
    expect(notNeutral, "LANGUAGE_NEUTRAL is for texts without words, the same in both languages").toEqual([]);
    const stale = [...LANGUAGE_NEUTRAL, ...UNMARKED_VIETNAMESE].filter((k) => !entryOf(k));
    expect(stale, "the neutral lists name keys that are not in the catalogue").toEqual([]);
  });

  it("asks for the same parameters in both languages", () => {
    const mismatched = entries
      .filter((e) => placeholderNames(String(e.vi)).sort().join() !== placeholderNames(String(e.en)).sort().join())
      .map((e) => `${e.key}: vi {${placeholderNames(String(e.vi))}} en {${placeholderNames(String(e.en))}}`);
    expect(mismatched).toEqual([]);
  });
});

describe("rendering a message", () => {
  it("fills parameters, numbers the reader's way, nested messages and texts in the same language", () => {
    const m = msg("sampling.minimumTooLarge", { m: 10, total: 60, n: 20 });
    expect(render(m, "vi")).toMatch(/^Mỗi tầng tối thiểu 10 người thì cần tổng cộng 60 người, nhiều hơn cỡ mẫu n = 20\./);
    expect(render(m, "en")).toMatch(/^a minimum of 10 per stratum needs 60 units in total, more than the sample size n = 20/);
    expect(render(msg("sampling.sizeAboveFrame", { n: 12345, N: 0.5 }), "vi")).toBe("Cỡ mẫu n = 12\u00a0345 lớn hơn số người trong khung mẫu (N = 0,5).");
    expect(render(msg("sampling.sizeAboveFrame", { n: 12345, N: 0.5 }), "en")).toBe("sample size n = 12,345 is larger than the frame (N = 0.5)");
    const nested = msg("frame.missingColumns", { file: "a.csv", missing: [msg("frame.phoneOrAddress"), { vi: "Họ và tên", en: "Name" }], found: "x, y" });
    expect(render(nested, "vi")).toBe("a.csv: không có cột cho số điện thoại hoặc địa chỉ, Họ và tên. Các cột trong tệp: x, y.");
    expect(render(nested, "en")).toBe("a.csv: no column for phone or address, Name. Columns found: x, y.");
  });

  it("picks the English word by the count", () => {
    expect(render(msg("units.problems", { file: "u.csv", count: 1 }), "en")).toBe("u.csv: 1 problem; no unit was imported.");
    expect(render(msg("units.problems", { file: "u.csv", count: 3 }), "en")).toBe("u.csv: 3 problems; no unit was imported.");
    expect(render(msg("units.problems", { file: "u.csv", count: 3 }), "vi")).toBe("u.csv: có 3 lỗi; chưa nhập đơn vị nào.");
  });

  it("prints an unknown key as itself, so a gap shows instead of an empty line", () => {
    expect(render({ key: "nowhere.nothing" }, "vi")).toBe("nowhere.nothing");
  });

  it("gives a UserError both languages, Vietnamese as its message, and details in both", () => {
    const e = new UserError(msg("rounds.unknown", { round: "x" }), 404, [msg("files.empty", { file: "f.csv" }), "plain"]);
    expect(e.message).toBe("Không có đợt khảo sát “x”.");
    expect(e.text("en")).toBe('No round "x".');
    expect(e.localized).toEqual(localize(msg("rounds.unknown", { round: "x" })));
    expect(e.detailTexts("en")).toEqual(["f.csv: the file is empty.", "plain"]);
    expect(e.details).toEqual(["f.csv: tệp trống.", "plain"]);
    expect(e.what).toEqual({ key: "rounds.unknown", params: { round: "x" } });
    expect(e.status).toBe(404);
  });

  it("is checked by the compiler: an unknown key or a missing parameter does not build", () => {
    // @ts-expect-error: no such key
    msg("rounds.nothingLikeThis");
    // @ts-expect-error: the round parameter is missing
    msg("rounds.unknown");
    // @ts-expect-error: a parameter the template does not have
    msg("rounds.unknown", { round: "x", extra: 1 });
    expect(msg("citizen.start")).toEqual({ key: "citizen.start" });
  });
});

// `locale === "vi" ? "…" : "…"` or `vi ? (<>…</>) : …`: a conditional on the reader's language whose branch is a
// literal text or markup (a locale tag such as "vi-VN" is not a word).
const LANGUAGE_PAIR = /(?:\blocale\s*===\s*["'](?:vi|en)["']|(?<![\w.])vi)\s*\?\s*\(?\s*(?:(["'`])(?!(?:vi|en)(?:-[A-Z]{2})?\1)|<)/g;

// `vi: "…"` with a text in it: an empty text (a blank draft) or a text made of other texts (`${…}`) is not a word.
const INLINE_TEXT = /\bvi:\s*(?:"(?!"|vi")|'(?!')|`(?!\$\{))/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the words of pages and components", () => {
  it("come from the catalogue: no code outside it keeps an inline { vi, en } word table", () => {
    const inline: Record<string, number> = {};
    for (const file of sourceFiles("app").filter((f) => !f.startsWith(join("app", "domain", "messages")))) {
      const count = [...readFileSync(file, "utf8").matchAll(INLINE_TEXT)].length;
      if (count) inline[relative("app", file)] = count;
    }
    expect(inline, "move these words into an area of app/domain/messages/areas/").toEqual({});
  });

  it("come from the catalogue: no code picks between an inline Vietnamese and English text by the reader's language", () => {
    const pairs: Record<string, number> = {};
    for (const file of sourceFiles("app").filter((f) => !f.startsWith(join("app", "domain", "messages")))) {
      const count = [...readFileSync(file, "utf8").matchAll(LANGUAGE_PAIR)].length;
      if (count) pairs[relative("app", file)] = count;
    }
    expect(pairs, "move these words into an area of app/domain/messages/areas/").toEqual({});
  });
});

/** App modules a browser bundle reaches from a file: static imports that are not type-only, minus *.server modules (Remix empties those). */
function browserReach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)) {
    if (/\.server$/.test(m[1])) continue;
    const base = join(file, "..", m[1]);
    const found = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
    if (found) browserReach(found, seen);
  }
  return seen;
}

describe("the staff pages' browser bundles", () => {
  it("carry only the areas of words they use, not the whole catalogue: paper entry, review, results and comparison", () => {
    const whole = [join("app", "domain", "messages", "index.ts"), join("app", "domain", "messages", "catalogue.ts")];
    const pages = ["entry", "entry_.review", "results", "compare"].map((p) => join("app", "routes", `staff.rounds.$roundId.${p}.tsx`));
    const reaching = Object.fromEntries(pages.map((p) => [p, [...browserReach(p)].filter((f) => whole.includes(f))]));
    expect(reaching).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
    // The check follows imports: a page that reaches the catalogue is seen.
    expect([...browserReach(join("app", "routes", "staff._index.tsx"))].some((f) => whole.includes(f))).toBe(true);
  });
});

describe("the errors a person can see", () => {
  it("are raised with a catalogue message, never a bare string in one language", () => {
    const bare: string[] = [];
    for (const file of sourceFiles("app")) {
      const name = relative("app", file);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/new (UserError|SamplingError)\(\s*([`"'])/g)) {
        const line = text.slice(0, m.index).split("\n").length;
        bare.push(`app/${name}:${line}: new ${m[1]}(${m[2]}…`);
      }
    }
    expect(bare).toEqual([]);
  });
});
