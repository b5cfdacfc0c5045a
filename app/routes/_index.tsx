import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { isUserError } from "../domain/errors";
import type { LocalizedText } from "../domain/definition/schema";
import { ui } from "../i18n";
import { redeemCode } from "../services/citizen/redeem.server";

export const meta: MetaFunction = () => [{ title: "SIPAS – Khảo sát sự hài lòng của người dân" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  // Echoed back into the field on an error: a code is 10 characters, so a few dozen are all worth showing.
  const typed = String(form.get("code") ?? "").slice(0, 40);
  const { db } = await getDb();
  try {
    const opened = await redeemCode(db, typed, context.clientIp ?? "unknown");
    return redirect(`/s/${opened.code}`);
  } catch (e) {
    if (isUserError(e) && e.localized) return data({ error: e.localized, typed }, { status: e.status });
    throw e;
  }
}

export default function Home() {
  const locale = useLocale();
  const result = useActionData<typeof action>() as { error: LocalizedText; typed: string } | undefined;
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
    </div>
  );
}
