import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { PaperQuestionnaire } from "../components/print/paper-questionnaire";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { itemNumbers } from "../domain/paper/keys";
import { skipNotes } from "../domain/paper/skip-text";
import { can } from "../domain/roles";
import { answerLink, contactsForCodes, listCodeStrata, MAX_PRINT_BATCH, qrSvg, selectPrintCodes, type PrintSelection } from "../services/paper/printing.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import paperStyles from "../styles/paper.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Phiếu in – ${data?.round.name ?? ""}` }, { name: "robots", content: "noindex" }];

// Anything unreadable in the query falls back to a default rather than failing: it is a GET form.
const QuerySchema = z.object({
  scope: z.enum(["unsent", "stratum", "codes"]).catch("unsent"),
  stratum: z.string().trim().max(200).catch(""),
  codes: z.string().max(20_000).catch(""),
  offset: z.coerce.number().int().min(0).catch(0),
  limit: z.coerce.number().int().min(1).max(MAX_PRINT_BATCH).catch(50),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, definition } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams);
  // `?code=X` prints one form (the link from a person's line elsewhere).
  if (raw.code && !raw.codes) Object.assign(raw, { scope: "codes", codes: raw.code });
  const query = QuerySchema.parse({ ...raw, limit: raw.limit || undefined, offset: raw.offset || undefined });
  const selection: PrintSelection =
    query.scope === "codes" ? { kind: "codes", codes: query.codes.split(/[\s,;]+/) } : { kind: "unsent", stratum: query.scope === "stratum" ? query.stratum || null : null };
  const problems: string[] = [];
  if (query.scope === "stratum" && !query.stratum) problems.push("Hãy chọn một tầng (stratum) để in.");
  if (query.scope === "codes" && !query.codes.trim()) problems.push("Hãy nhập ít nhất một mã khảo sát để in.");
  const batch = problems.length ? { total: 0, codes: [], problems: [] } : await selectPrintCodes(db, round.id, selection, { offset: query.offset, limit: query.limit });
  const origin = process.env.PUBLIC_URL || url.origin;
  // Contacts are personal data: asked for only when the role may see them.
  const contacts = can(user.role, "viewContacts") ? await contactsForCodes(db, round.id, batch.codes.map((c) => c.code)) : new Map();
  const people = await Promise.all(
    batch.codes.map(async (c) => {
      const link = answerLink(origin, c.code);
      return { code: c.code, link, qrSvg: await qrSvg(link), contact: contacts.get(c.code) ?? null };
    }),
  );
  return {
    round: { id: round.id, name: round.name },
    definition,
    query,
    strata: await listCodeStrata(db, round.id),
    total: batch.total,
    problems: [...problems, ...batch.problems],
    people,
  };
}

function pageLink(query: z.infer<typeof QuerySchema>, offset: number): string {
  const p = new URLSearchParams({ scope: query.scope, limit: String(query.limit), offset: String(offset) });
  if (query.scope === "stratum") p.set("stratum", query.stratum);
  if (query.scope === "codes") p.set("codes", query.codes);
  return `?${p}`;
}

/**
 * Printable questionnaires, one person per page set (A4). The browser prints them or saves them
 * as PDF (ADR 015): the toolbar above the sheets is not printed.
 */
export default function PrintQuestionnaires() {
  const locale = useLocale();
  const { round, definition, query, strata, total, problems, people } = useLoaderData<typeof loader>();
  const notes = useMemo(() => skipNotes(definition, "vi"), [definition]);
  const numbers = useMemo(() => itemNumbers(definition), [definition]);
  const vi = locale === "vi";
  const from = total === 0 ? 0 : query.offset + 1;
  const to = query.offset + people.length;
  return (
    <div className="pf-page">
      <div className="pf-toolbar no-print">
        <p className="eyebrow">
          <Link to="/staff">{vi ? "Các đợt khảo sát" : "Survey rounds"}</Link> / <Link to={`/staff/rounds/${round.id}/invitations`}>{round.name}</Link>
        </p>
        <h1>{vi ? "In phiếu khảo sát giấy" : "Print paper questionnaires"}</h1>
        <form method="get">
          <fieldset className="pf-select">
            <legend>{vi ? "Mã cần in" : "Codes to print"}</legend>
            <label>
              <input type="radio" name="scope" value="unsent" defaultChecked={query.scope === "unsent"} />
              {vi ? "Mọi mã chưa gửi, chưa dùng của đợt" : "Every unsent, unused code of the round"}
            </label>
            <label>
              <input type="radio" name="scope" value="stratum" defaultChecked={query.scope === "stratum"} />
              {vi ? "Mã chưa gửi của một tầng:" : "Unsent codes of one stratum:"}
              <select name="stratum" defaultValue={query.stratum} aria-label={vi ? "Tầng" : "Stratum"}>
                <option value="">{vi ? "— chọn —" : "— choose —"}</option>
                {strata.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="radio" name="scope" value="codes" defaultChecked={query.scope === "codes"} />
              {vi ? "Các mã sau (mỗi dòng một mã, hoặc cách nhau bởi dấu phẩy):" : "These codes (one a line, or comma-separated):"}
            </label>
            <textarea name="codes" defaultValue={query.codes} aria-label={vi ? "Danh sách mã" : "List of codes"} />
            <label>
              {vi ? "Số phiếu mỗi lần in" : "Forms per print run"}
              <input type="number" name="limit" min={1} max={MAX_PRINT_BATCH} defaultValue={query.limit} style={{ width: "6rem" }} />
            </label>
            <button type="submit" className="button">
              {vi ? "Hiển thị" : "Show"}
            </button>
          </fieldset>
        </form>
        {problems.length > 0 && (
          <div className="error-summary" role="alert">
            <h2>{vi ? "Có mã không in được:" : "Some codes cannot be printed:"}</h2>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="pf-pager">
          <span role="status">
            {vi ? `${total} phiếu; đang hiển thị ${from}–${to}.` : `${total} forms; showing ${from}–${to}.`}
          </span>
          {query.offset > 0 && <Link to={pageLink(query, Math.max(0, query.offset - query.limit))}>{vi ? "← Đợt in trước" : "← Previous batch"}</Link>}
          {to < total && <Link to={pageLink(query, to)}>{vi ? "Đợt in tiếp →" : "Next batch →"}</Link>}
        </div>
        <div className="pf-actions">
          <button type="button" className="button primary" onClick={() => window.print()} disabled={people.length === 0}>
            {vi ? "In / Lưu PDF" : "Print / Save as PDF"}
          </button>
          <span className="hint">
            {vi
              ? "Trong hộp thoại in, chọn khổ A4 và “Lưu dưới dạng PDF” để có tệp PDF. Mỗi người bắt đầu ở một trang mới."
              : "In the print dialog choose A4, and “Save as PDF” for a PDF file. Each person starts on a new page."}
          </span>
        </div>
      </div>
      <div className="pf-sheets">
        {people.map((person) => (
          <PaperQuestionnaire key={person.code} definition={definition} roundName={round.name} person={person} notes={notes} numbers={numbers} />
        ))}
      </div>
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
