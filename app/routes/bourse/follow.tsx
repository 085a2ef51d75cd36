import { useActionData, useLoaderData } from "react-router";
import {
  formLanguageOf,
  openAuthorLink,
  requestListFields,
  requestView,
} from "../../../src/modules/bourse/index";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { RequestDetail } from "../../components/bourse/RequestDetail";
import { RequestForm } from "../../components/bourse/RequestForm";
import { appContext, requestContext } from "../../context";
import { readUploadForm, requestPageAction, requestPageData } from "../../lib/bourse.server";
import { CollectiviteSuggestions } from "../../components/bourse/Suggestions";
import { guard, runAction } from "../../lib/http.server";
import type { Route } from "./+types/follow";

export const meta = () => [
  { title: "Suivi de votre demande de partenariat – Bourse-partenariats – Portail AECT" },
  // The address is a private link: keep it out of search engines and referrers.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

/**
 * The author's private page: the first visit confirms the address and sends the request;
 * later visits show it, with the forms the author may use.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db, config } = context.get(appContext);
  const { csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const opened = await openAuthorLink(db, params.token, config.publicUrl);
    const who = { authorToken: params.token };
    const view = await requestView(db, who, opened.request.id);
    return {
      ...(await requestPageData(db, view)),
      confirmed: opened.confirmed,
      csrfToken,
      lang: formLanguageOf(opened.request.formLanguage),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await readUploadForm(request, requestListFields);
    Object.assign(values, form.values);
    const who = { authorToken: params.token };
    const { request: found } = await openAuthorLink(db, params.token, config.publicUrl);
    return requestPageAction(db, who, found.id, form.values, form.uploads, config.publicUrl);
  });
}

export default function FollowRequestPage() {
  const { confirmed, view, csrfToken, lang, themeNames, stored, choices, suggestions } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      {confirmed ? (
        <Alert
          severity="success"
          title="Adresse confirmée – Address confirmed – Dirección confirmada"
          description="Votre demande est transmise à l'ambassade de France et à la DAECT. / Your request has been sent to the French embassy and to the DAECT. / Su solicitud ha sido transmitida a la embajada de Francia y a la DAECT."
          className="fr-mb-3w"
        />
      ) : null}
      <RequestDetail
        view={view}
        themeNames={themeNames}
        csrfToken={csrfToken}
        failure={failure}
        success={result?.ok ? result.message : undefined}
        attachmentBase={null}
        suggestions={<CollectiviteSuggestions suggestions={suggestions} />}
        editForm={
          stored && choices ? (
            <RequestForm
              lang={lang}
              csrfToken={csrfToken}
              country={{ code: view.request.countryCode, name: view.request.country }}
              choices={choices}
              failure={failure?.values.intent === "request" ? failure : undefined}
              stored={stored}
              version={view.request.version}
              withUpload
              submitLabel="Enregistrer les modifications"
            />
          ) : undefined
        }
      />
    </>
  );
}
