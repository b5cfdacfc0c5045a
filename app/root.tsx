import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import "./load-context";
import { LanguageSwitch } from "./components/language-switch";
import { useNonce } from "./components/nonce";
import { ui } from "./i18n";
import { useLocale } from "./components/use-locale";
import { resolveLocale } from "./services/platform/locale.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "data:," },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, setCookie } = await resolveLocale(request);
  return data({ locale }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {ui.skipToContent[locale]}
        </a>
        <header className="site-header">
          <a className="site-name" href="/">
            {ui.siteName[locale]}
          </a>
          <LanguageSwitch locale={locale} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="panel">
      <h1>{notFound ? ui.notFound[locale] : ui.somethingWrong[locale]}</h1>
      {!notFound && <p>{ui.tryAgain[locale]}</p>}
      <p>
        <a href="/">{ui.home[locale]}</a>
      </p>
    </div>
  );
}
