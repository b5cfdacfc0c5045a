import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { HelpContact } from "../components/survey/help-contact";
import { useLocale, metaLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import type { LocalizedText } from "../domain/definition/schema";
import { ui } from "../i18n";
import { openRoundHelp } from "../services/citizen/help.server";
import { redeemCode } from "../services/citizen/redeem.server";
import { readVisitor, visitorHeader } from "../services/citizen/visitor.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.home[metaLocale(matches)]}` }];

/**
 * The browser gets its id here, before it types a code, so its unknown codes are its own (ADR 023). The round is not
 * known before a code is typed, so the page offers the help contacts of the rounds open now.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await getDb();
  const visitor = await readVisitor(db, request.headers.get("Cookie"));
  const help = await openRoundHelp(db);
  return data({ help }, visitor.id ? undefined : { headers: { "Set-Cookie": await visitorHeader(db, visitor) } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  // Echoed back into the field on an error: a code is 10 characters, so a few dozen are all worth showing.
  const typed = String(form.get("code") ?? "").slice(0, 40);
  const { db } = await getDb();
  const visitor = await readVisitor(db, request.headers.get("Cookie"));
  const opened = await attempt(() => redeemCode(db, typed, { address: context.clientIp ?? "unknown", visitor }));
  const headers = { "Set-Cookie": await visitorHeader(db, visitor, opened.ok ? opened.value.code : undefined) };
  // A code of a closed round is refused knowing its round: its own contact, not the open rounds'.
  const helpContact = opened.ok ? null : (opened.refusal.helpContact ?? null);
  if (!opened.ok) return data({ error: refusalText(opened.refusal), typed, helpContact }, { status: opened.refusal.status, headers });
  return redirect(`/s/${opened.value.code}`, { headers });
}

export default function Home() {
  const locale = useLocale();
  const { help } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { error: LocalizedText; typed: string; helpContact: string | null } | undefined;
  const busy = useNavigation().state !== "idle";
  return (
    <div className="panel narrow">
      <h1>{ui.homeTitle[locale]}</h1>
      <p>{ui.homeIntro[locale]}</p>
      <Form method="post" className="code-form" noValidate>
        <label htmlFor="code">{ui.codeLabel[locale]}</label>
        <p className="hint" id="code-hint">
          {ui.codeHint[locale]}
        </p>
        <input
          id="code"
          name="code"
          className="code-input"
          defaultValue={result?.typed ?? ""}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          aria-describedby={result?.error ? "code-hint code-error" : "code-hint"}
          aria-invalid={result?.error ? true : undefined}
        />
        {result?.error && (
          <p className="field-error" id="code-error" role="alert">
            {result.error[locale]}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {ui.start[locale]}
        </button>
      </Form>
      <HelpContact contact={result?.helpContact} lines={help} locale={locale} />
    </div>
  );
}
