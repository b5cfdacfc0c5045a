// The bare limit of the citizen bench (citizen-submit.bench.ts): node:http and better-sqlite3 with the same schema,
// the same pragmas and the same writes as the product's citizen path, and nothing else — no framework, no query
// builder, no rendering. What the product costs above this is what Remix, Kysely, validation and rendering add.
//
//   POST /s/<code>  (urlencoded page of answers; intent=next|submit)
//     next:   look the invitation up, read the draft, merge the page into it, insert-or-keep the draft row and update
//             it while still a draft, in one transaction; 302 to the next page.
//     submit: the same merge, then in one transaction the conditional update to "submitted" (the guard: of two racing
//             submits exactly one changes the row), the invitation, the sampled person, the round's data version;
//             302 to the thank-you page (409 when the code was already submitted).
//   GET /s/<code>   look the invitation up, mark it opened once, answer a page given at start (the product's own HTML).
//
// Env: PORT, DATABASE_URL (a SQLite file), BARE_PAGE (a file whose bytes GET answers).
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const db = new Database(process.env.DATABASE_URL);
db.pragma("journal_mode = WAL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = NORMAL");
const page = process.env.BARE_PAGE ? readFileSync(process.env.BARE_PAGE) : Buffer.from("<!doctype html><p>ok</p>");

const q = {
  invitation: db.prepare("select code, round_id, unit_code, stratum, psu, weight, fpc, first_opened_at from invitations where code = ?"),
  round: db.prepare("select definition_id, status from rounds where id = ?"),
  opened: db.prepare("update invitations set first_opened_at = ?, status = 'started' where code = ? and first_opened_at is null and status = 'issued'"),
  response: db.prepare("select status, answers from responses where invitation_code = ?"),
  insert: db.prepare(
    `insert into responses (id, round_id, invitation_code, definition_id, status, answers, answer_codes, locale, entry_mode,
       unit_code, stratum, psu, weight, fpc, created_at, updated_at, submitted_at)
     values (?, ?, ?, ?, 'draft', ?, ?, 'vi', 'online', ?, ?, ?, ?, ?, ?, ?, null)
     on conflict (invitation_code) do nothing`,
  ),
  saveDraft: db.prepare("update responses set answers = ?, answer_codes = ?, locale = 'vi', updated_at = ? where invitation_code = ? and status = 'draft'"),
  submit: db.prepare(
    "update responses set status = 'submitted', entry_mode = 'online', answers = ?, answer_codes = ?, locale = 'vi', updated_at = ?, submitted_at = ? where invitation_code = ? and status = 'draft'",
  ),
  invitationDone: db.prepare("update invitations set status = 'submitted', submitted_at = ? where code = ?"),
  sampleDone: db.prepare("update sample_units set outcome = 'returned', updated_at = ? where invitation_code = ?"),
  bump: db.prepare("update rounds set data_version = data_version + 1 where id = ?"),
};

// The answer codes column as the product packs it is a short text beside the JSON; here the values joined.
const codesOf = (answers) => Object.values(answers).map((v) => (Array.isArray(v) ? v.join("+") : v)).join("|");

const save = db.transaction((inv, round, answers, now) => {
  const json = JSON.stringify(answers);
  q.insert.run(randomUUID(), inv.round_id, inv.code, round.definition_id, json, codesOf(answers), inv.unit_code, inv.stratum, inv.psu, inv.weight, inv.fpc, now, now);
  return q.saveDraft.run(json, codesOf(answers), now, inv.code).changes === 1;
});

const submit = db.transaction((inv, round, answers, now) => {
  const json = JSON.stringify(answers);
  q.insert.run(randomUUID(), inv.round_id, inv.code, round.definition_id, json, codesOf(answers), inv.unit_code, inv.stratum, inv.psu, inv.weight, inv.fpc, now, now);
  if (q.submit.run(json, codesOf(answers), now, now, inv.code).changes !== 1) return false;
  q.invitationDone.run(now, inv.code);
  q.sampleDone.run(now, inv.code);
  q.bump.run(inv.round_id);
  return true;
});
// Transactions take the write lock when they begin, as the product's do (BEGIN IMMEDIATE).
const saveNow = (...a) => save.immediate(...a);
const submitNow = (...a) => submit.immediate(...a);

function answer(res, status, headers = {}, body = "") {
  res.writeHead(status, { "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

function post(req, res, code) {
  const chunks = [];
  let size = 0;
  req.on("data", (c) => {
    size += c.length;
    if (size <= 512 * 1024) chunks.push(c);
  });
  req.on("end", () => {
    if (size > 512 * 1024) return answer(res, 413);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const inv = q.invitation.get(code);
    if (!inv) return answer(res, 404);
    const round = q.round.get(inv.round_id);
    if (round.status !== "open") return answer(res, 410);
    const current = q.response.get(code);
    if (current?.status === "submitted") return answer(res, 409);
    const answers = current ? JSON.parse(current.answers) : {};
    const pageCode = form.get("page");
    const intent = form.get("intent");
    for (const [name, value] of form) {
      if (name === "page" || name === "intent") continue;
      const prev = answers[name];
      answers[name] = prev !== undefined && Array.isArray(prev) ? [...prev, value] : value;
    }
    const now = new Date().toISOString();
    if (intent === "submit") {
      if (!submitNow(inv, round, answers, now)) return answer(res, 409);
      return answer(res, 302, { Location: `/s/${code}/thanks` });
    }
    if (!saveNow(inv, round, answers, now)) return answer(res, 409);
    answer(res, 302, { Location: `/s/${code}?page=${pageCode}` });
  });
}

const server = createServer((req, res) => {
  const m = /^\/s\/([0-9A-Z]{10})(?:\?.*)?$/.exec(req.url ?? "");
  if (!m) return answer(res, 404);
  if (req.method === "POST") return post(req, res, m[1]);
  const inv = q.invitation.get(m[1]);
  if (!inv) return answer(res, 404);
  if (!inv.first_opened_at) q.opened.run(new Date().toISOString(), m[1]);
  q.response.get(m[1]);
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
  res.end(page);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`bare server on ${server.address().port}`));
