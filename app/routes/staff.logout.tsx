import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySession, getSession, verifyCsrf } from "../services/platform/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  verifyCsrf(session, await request.formData());
  return redirect("/staff/login", { headers: { "Set-Cookie": await destroySession(session) } });
}

export async function loader() {
  return redirect("/staff");
}
