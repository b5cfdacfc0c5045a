import { data } from "@remix-run/node";
import { neighbourPage, visiblePages } from "../../domain/answers/pages";
import { rawAnswersFromEntries, type AnswerErrors } from "../../domain/answers/validate";
import type { Answers } from "../../domain/definition/conditions";
import { citizen } from "../../domain/messages/areas/citizen";
import { getDb } from "../../db.server";
import { resolveLocaleFrom } from "../platform/locale.server";
import { orRefuse, refusalOf, refuse } from "../platform/route-errors.server";
import { savePage, submitForm } from "./form.server";
import { openRoundHelp } from "./help.server";
import { redeemCode } from "./redeem.server";
import { readVisitor, visitorHeader } from "./visitor.server";

/** What a request for a code's form brings besides the code: the address's query and the cookies. */
export interface CitizenRequest {
  search: URLSearchParams;
  cookie: string | null;
  clientIp: string | undefined;
}

/**
 * Opens the code for this browser (ADR 023: its own codes and signed links are never counted) and says which
 * cookie keeps the browser's id and the codes it opened, and in which language the page is read; a refusal keeps
 * the id too.
 */
export async function openOrRefuse(code: string, client: CitizenRequest) {
  const { db } = await getDb();
  const visitor = await readVisitor(db, client.cookie);
  try {
    const opened = await redeemCode(db, code, { address: client.clientIp ?? "unknown", visitor, signature: client.search.get("k") });
    const known = visitor.id !== null && visitor.codes.includes(opened.code);
    const setCookie = known ? undefined : await visitorHeader(db, visitor, opened.code);
    const { locale } = await resolveLocaleFrom(client.search, client.cookie);
    return { db, opened, setCookie, locale };
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    const headers = visitor.id ? undefined : { "Set-Cookie": await visitorHeader(db, visitor) };
    // An unknown or mistyped code has no round: the contacts of the rounds open now, as on the code-entry page.
    const help = refusal.helpContact ? {} : { helpLines: await openRoundHelp(db) };
    throw data({ ...refusal, ...help }, { status: refusal.status, headers });
  }
}

/** The page shown again with the problems of what was posted (the form's action data). */
export type CitizenPageResult = { page: string; errors: AnswerErrors; answers: Answers; elsewhere: string[] };

/**
 * What a POST of a page of the form comes to: a redirect to the page to show next (Post/Redirect/Get: the no-JS form
 * relies on it), or the same page again with its problems (status 400). Refusals are thrown as the route's are.
 * `setCookie` keeps the browser's id and this code, so its next posts are not counted against the budgets of ADR 023.
 */
export type CitizenAnswer = { setCookie?: string } & ({ redirect: string } | { page: CitizenPageResult });

export async function answerCitizenPost(code: string, form: Iterable<[string, unknown]> & { get(name: string): unknown }, client: CitizenRequest): Promise<CitizenAnswer> {
  const { db, opened, setCookie, locale } = await openOrRefuse(code, client);
  const intent = String(form.get("intent") ?? "save");
  const page = String(form.get("page") ?? "");
  if (!opened.definition.sections.some((s) => s.code === page)) throw refuse(citizen.tryAgain, 400, [], { helpContact: opened.helpContact });
  const input = { form: opened, raw: rawAnswersFromEntries(form, opened.definition), sections: [page], locale };
  const base = `/s/${opened.code}`;
  return orRefuse(async (): Promise<CitizenAnswer> => {
    if (intent === "submit") {
      const outcome = await submitForm(db, input);
      if (outcome.ok) return { redirect: `${base}/thanks`, setCookie };
      const elsewhere = sectionsWithErrors(opened.definition.sections, outcome.errors).filter((s) => s !== page);
      return { page: { page, errors: outcome.errors, answers: outcome.answers, elsewhere }, setCookie };
    }
    const outcome = await savePage(db, input, intent === "next");
    if (!outcome.ok) return { page: { page, errors: outcome.errors, answers: outcome.answers, elsewhere: [] }, setCookie };
    const pages = visiblePages(opened.definition, outcome.answers);
    if (intent === "next") return { redirect: `${base}?page=${neighbourPage(pages, page, 1) ?? page}`, setCookie };
    if (intent === "back") return { redirect: `${base}?page=${neighbourPage(pages, page, -1) ?? page}`, setCookie };
    return { redirect: `${base}?page=${page}&saved=1`, setCookie };
  }, { helpContact: opened.helpContact });
}

function sectionsWithErrors(sections: { code: string; items: { code: string }[] }[], errors: AnswerErrors): string[] {
  return sections.filter((s) => s.items.some((i) => errors[i.code])).map((s) => s.code);
}

/** A POST the web server (bin/server.mjs) received, before any framework has seen it. */
export interface RawPost {
  path: string;
  /** The query, with its "?" or empty. */
  search: string;
  contentType: string | undefined;
  body: Uint8Array;
  cookie: string | undefined;
  clientIp: string | undefined;
}

const FORM_PATH = /^\/s\/([A-Za-z0-9-]+)$/;

/**
 * The no-JS citizen form's POST answered without Remix (issue 11, part 4): routing, the web Request and the
 * response machinery cost the POST more than its own work. A redirect — nearly every POST — is answered here;
 * anything else (a page with its problems, a refusal, a failure) is handed to Remix with what came of it, so the
 * route's action returns it as it is (nothing is done twice) and the page is rendered as before. Null: not a POST
 * of this form (a script's `.data` request, another page, a multipart body): Remix handles it from the start.
 */
export async function fastCitizenPost(post: RawPost): Promise<{ location: string; setCookie?: string } | { handOver: () => Promise<CitizenAnswer> } | null> {
  const match = FORM_PATH.exec(post.path);
  if (!match || (post.contentType ?? "").split(";")[0].trim().toLowerCase() !== "application/x-www-form-urlencoded") return null;
  const form = new URLSearchParams(Buffer.from(post.body.buffer, post.body.byteOffset, post.body.byteLength).toString("utf8"));
  const client = { search: new URLSearchParams(post.search), cookie: post.cookie ?? null, clientIp: post.clientIp };
  let answer: CitizenAnswer;
  try {
    answer = await answerCitizenPost(match[1], form, client);
  } catch (e) {
    return { handOver: () => Promise.reject(e) };
  }
  if ("redirect" in answer) return { location: answer.redirect, setCookie: answer.setCookie };
  return { handOver: () => Promise.resolve(answer) };
}
