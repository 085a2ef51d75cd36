import { membershipsHolding } from "../../../src/platform/policy";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { createRequest, requestListFields } from "../../../src/modules/bourse/index";
import {
  formLanguageNames,
  formLanguageOf,
  formLanguages,
  requestFormWords,
} from "../../../src/modules/bourse/codes";
import { RequestForm } from "../components/RequestForm";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { countryChoice, readUploadForm, requestFormChoices } from "../pages.server";
import { runAction } from "../../platform/http.server";
import type { Route } from "./+types/new-request";

export const meta = () => [
  { title: "Déposer une demande de partenariat – Bourse-partenariats – Portail AECT" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  const url = new URL(request.url);
  const lang = formLanguageOf(url.searchParams.get("langue"));
  const authority = membershipsHolding(actor, "bourse:request:author")[0];
  // A signed-in foreign authority writes in its own country; others choose it first.
  const { countries, country } = await countryChoice(
    db,
    authority?.countryCode ?? url.searchParams.get("pays"),
  );
  return {
    lang,
    csrfToken,
    countries,
    country,
    authorityName: authority?.organisationName ?? "",
    signedIn: actor.kind === "user",
    choices: await requestFormChoices(db, country?.code ?? ""),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const { actor } = context.get(requestContext);
  // Filled once the form is read, so that a refusal keeps what was typed.
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await readUploadForm(request, requestListFields);
    Object.assign(values, form.values);
    const created = await createRequest(
      db,
      actor,
      form.values,
      form.uploads,
      config.publicUrl,
      formLanguageOf(String(form.values.langue ?? "")),
      clientAddress,
    );
    if (actor.kind === "user") return redirect(`/bourse/demandes/${created.request.id}`);
    return { ok: true as const, email: created.request.contactEmail };
  });
}

export default function NewRequestPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const lang = failure ? formLanguageOf(String(failure.values.langue ?? "")) : data.lang;
  const words = requestFormWords[lang];
  const countryCode = failure ? String(failure.values.countryCode ?? "") : data.country?.code;
  const country =
    data.countries.find(([code]) => code === countryCode) ??
    (data.country ? [data.country.code, data.country.name] : null);
  if (result?.ok)
    return (
      <Alert
        severity="success"
        title="Vérifiez votre messagerie – Check your mailbox – Revise su correo"
        description={`Un lien de confirmation a été envoyé à ${result.email}. La demande part à l'ambassade et à la DAECT dès que vous l'ouvrez. / A confirmation link was sent to ${result.email}. / Se envió un enlace de confirmación a ${result.email}.`}
      />
    );
  return (
    <>
      <h1 lang={lang}>{words.title}</h1>
      <p lang={lang}>{words.intro}</p>
      <nav
        aria-label="Langue du formulaire – Form language – Idioma del formulario"
        className="fr-mb-3w"
      >
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          {formLanguages.map((code) => (
            <li key={code}>
              <a
                className={`fr-btn fr-btn--sm ${code === lang ? "" : "fr-btn--secondary"}`}
                href={`/bourse/demandes/nouvelle?${new URLSearchParams({ langue: code, ...(country ? { pays: country[0] } : {}) })}`}
                lang={code}
                aria-current={code === lang ? "true" : undefined}
              >
                {formLanguageNames[code]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FormErrorSummary failure={failure} />
      {country ? (
        <RequestForm
          lang={lang}
          csrfToken={data.csrfToken}
          country={{ code: country[0], name: country[1] }}
          choices={data.choices}
          failure={failure}
          stored={{ authorityName: data.authorityName }}
          withUpload
          fixedAuthority={data.authorityName !== ""}
        />
      ) : (
        <form method="get" action="/bourse/demandes/nouvelle" lang={lang}>
          <input type="hidden" name="langue" value={lang} />
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="champ-pays">
              {words.fields.countryCode[0]}
            </label>
            <select className="fr-select" id="champ-pays" name="pays" required>
              {data.countries.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">
            {lang === "fr" ? "Continuer" : lang === "en" ? "Continue" : "Continuar"}
          </Button>
        </form>
      )}
    </>
  );
}
