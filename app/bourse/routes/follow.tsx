import { useActionData, useLoaderData } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  confirmAuthorLink,
  formLanguageOf,
  openAuthorLink,
  requestListFields,
  requestView,
} from "../../../src/modules/bourse/index";
import { CsrfField } from "../../platform/components/CsrfField";
import { RequestDetail } from "../components/RequestDetail";
import { bourseTexts } from "../../../src/modules/bourse/texts/index";
import { bourseTitle } from "../titles";
import { RequestForm } from "../components/RequestForm";
import { appContext, requestContext } from "../../context";
import { readUploadForm, requestPageAction, requestPageData } from "../pages.server";
import { CollectiviteSuggestions } from "../components/Suggestions";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/follow";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: bourseTitle(data && "pageLanguage" in data ? data.pageLanguage : "fr", "follow") },
  // The address is a private link: keep it out of search engines and of other sites'
  // referrers. "same-origin" rather than "no-referrer": with the latter, browsers post this
  // page's forms with "Origin: null", which the router refuses as cross-site.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

/**
 * The author's private page: at the first visit a button confirms the address and sends the
 * request (a POST, so that a mail scanner opening the link confirms nothing); later visits
 * show the request, with the forms the author may use.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const opened = await openAuthorLink(db, params.token);
    const who = { authorToken: params.token };
    const view = await requestView(db, who, opened.request.id);
    return {
      ...(await requestPageData(db, view, formLanguageOf(opened.request.formLanguage))),
      awaitsConfirmation: opened.awaitsConfirmation,
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await readUploadForm(request, requestListFields);
    Object.assign(values, form.values);
    const { request: found } = await openAuthorLink(db, params.token);
    const lang = formLanguageOf(found.formLanguage);
    if (form.values.intent === "confirm") {
      await confirmAuthorLink(db, params.token, config.publicUrl);
      return { ok: true as const, message: bourseTexts(lang)("follow.confirmed") };
    }
    const who = { authorToken: params.token };
    return requestPageAction(db, who, found.id, form.values, form.uploads, config.publicUrl, lang);
  });
}

export default function FollowRequestPage() {
  const { awaitsConfirmation, view, csrfToken, pageLanguage, stored, choices, suggestions } =
    useLoaderData<typeof loader>();
  const t = bourseTexts(pageLanguage);
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      {awaitsConfirmation ? (
        <div className="fr-callout fr-mb-3w">
          <h2 className="fr-callout__title">{t("follow.confirmTitle")}</h2>
          <p className="fr-callout__text">{t("follow.confirmText")}</p>
          <form method="post">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="confirm" />
            <Button type="submit">{t("follow.confirmButton")}</Button>
          </form>
        </div>
      ) : null}
      <RequestDetail
        view={view}
        lang={pageLanguage}
        csrfToken={csrfToken}
        failure={failure}
        success={result?.ok ? result.message : undefined}
        attachmentBase={null}
        suggestions={<CollectiviteSuggestions suggestions={suggestions} lang={pageLanguage} />}
        editForm={
          stored && choices ? (
            <RequestForm
              lang={pageLanguage}
              csrfToken={csrfToken}
              country={{ code: view.request.countryCode, name: view.request.country }}
              choices={choices}
              failure={failure?.values.intent === "request" ? failure : undefined}
              stored={stored}
              version={view.request.version}
              withUpload
              submitLabel={t("form.save")}
            />
          ) : undefined
        }
      />
    </>
  );
}
