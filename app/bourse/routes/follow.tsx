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
import { RequestForm } from "../components/RequestForm";
import { appContext, requestContext } from "../../context";
import { readUploadForm, requestPageAction, requestPageData } from "../pages.server";
import { CollectiviteSuggestions } from "../components/Suggestions";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/follow";

export const meta = () => [
  { title: "Suivi de votre demande de partenariat – Bourse-partenariats – Portail AECT" },
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
      ...(await requestPageData(db, view)),
      awaitsConfirmation: opened.awaitsConfirmation,
      csrfToken,
      lang: formLanguageOf(opened.request.formLanguage),
    };
  });
}

const CONFIRMED =
  "Adresse confirmée : votre demande est transmise à l'ambassade de France et à la DAECT. / Address confirmed: your request has been sent to the French embassy and to the DAECT. / Dirección confirmada: su solicitud ha sido transmitida a la embajada de Francia y a la DAECT.";

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await readUploadForm(request, requestListFields);
    Object.assign(values, form.values);
    if (form.values.intent === "confirm") {
      await confirmAuthorLink(db, params.token, config.publicUrl);
      return { ok: true as const, message: CONFIRMED };
    }
    const who = { authorToken: params.token };
    const { request: found } = await openAuthorLink(db, params.token);
    return requestPageAction(db, who, found.id, form.values, form.uploads, config.publicUrl);
  });
}

export default function FollowRequestPage() {
  const { awaitsConfirmation, view, csrfToken, lang, themeNames, stored, choices, suggestions } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      {awaitsConfirmation ? (
        <div className="fr-callout fr-mb-3w">
          <h2 className="fr-callout__title">
            Confirmer votre adresse – Confirm your address – Confirme su dirección
          </h2>
          <p className="fr-callout__text">
            Votre demande n'est pas encore transmise : confirmez que cette adresse est la vôtre. /
            Your request has not been sent yet: confirm that this address is yours. / Su solicitud
            aún no ha sido transmitida: confirme que esta dirección es la suya.
          </p>
          <form method="post">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="confirm" />
            <Button type="submit">
              Confirmer et transmettre – Confirm and send – Confirmar y enviar
            </Button>
          </form>
        </div>
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
