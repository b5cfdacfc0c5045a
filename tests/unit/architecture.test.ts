/**
 * The map of docs/ARCHITECTURE.md, checked: services live in rooms, a room imports only from rooms below it (or
 * itself), no service file imports another in a cycle, and nothing sits flat in app/services.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SERVICES = resolve("app/services");

/** Lower numbers are nearer the ground; a room may import from its own rank only when it is itself. */
export const ROOM_RANK: Record<string, number> = {
  platform: 0,
  definitions: 1,
  rounds: 2,
  staff: 3,
  responses: 3,
  citizen: 4,
  paper: 4,
  fieldwork: 4,
  results: 4,
  data: 5,
  demo: 6,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile());
    return found ? [found] : [];
  });
}

const roomOf = (file: string) => relative(SERVICES, file).split("/")[0];
const services = filesUnder(SERVICES);

describe("the rooms of app/services", () => {
  it("holds no service file flat at app/services/*.ts, and every folder is a known room", () => {
    const flat = services.filter((f) => dirname(f) === SERVICES).map((f) => relative(SERVICES, f));
    expect(flat).toEqual([]);
    const unknown = [...new Set(services.map(roomOf))].filter((room) => !(room in ROOM_RANK));
    expect(unknown, "add the room to ROOM_RANK and docs/ARCHITECTURE.md").toEqual([]);
  });

  it("imports only from its own room or from rooms below it", () => {
    const wrong: string[] = [];
    for (const file of services) {
      const from = roomOf(file);
      for (const target of importsOf(file).filter((t) => t.startsWith(SERVICES + "/"))) {
        const to = roomOf(target);
        if (to !== from && ROOM_RANK[to] >= ROOM_RANK[from]) wrong.push(`${relative(SERVICES, file)} -> ${relative(SERVICES, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycle between service files", () => {
    const graph = new Map(services.map((f) => [f, importsOf(f).filter((t) => t.startsWith(SERVICES + "/"))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SERVICES, f)).join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of services) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("is reached from the domain never", () => {
    const domain = filesUnder(resolve("app/domain"));
    const up = domain.flatMap((f) => importsOf(f).filter((t) => !t.startsWith(resolve("app/domain"))).map((t) => `${relative("app", f)} -> ${relative("app", t)}`));
    expect(up).toEqual([]);
  });
});
