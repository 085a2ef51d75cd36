import { membershipsHolding } from "../../../src/platform/policy";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { createRequest, requestListFields } from "../../../src/modules/bourse/index";
import { formLanguageOf } from "../../../src/modules/bourse/codes";
import { bourseTexts } from "../../../src/modules/bourse/texts/index";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";
import { LanguageSwitch } from "../../platform/components/LanguageSwitch";
import { bourseTitle } from "../titles";
import { RequestForm } from "../components/RequestForm";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { countryChoice, readUploadForm, requestFormChoices } from "../pages.server";
import { runAction } from "../../platform/http.server";
import type { Route } from "./+types/new-request";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: bourseTitle(data?.pageLanguage ?? "fr", "newRequest") },
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
    lang,
  );
  return {
    pageLanguage: lang,
    csrfToken,
    countries,
    country,
    authorityName: authority?.organisationName ?? "",
    signedIn: actor.kind === "user",
    choices: await requestFormChoices(db, country?.code ?? "", lang),
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
    // The request page says what happened: sent at once (a foreign authority), or a draft.
    if (actor.kind === "user")
      return redirect(
        `/bourse/demandes/${created.request.id}?fait=${created.request.status === "draft" ? "enregistree" : "transmise"}`,
      );
    return { ok: true as const, email: created.request.contactEmail };
  });
}

export default function NewRequestPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const lang = failure ? formLanguageOf(String(failure.values.langue ?? "")) : data.pageLanguage;
  const t = bourseTexts(lang);
  const countryCode = failure ? String(failure.values.countryCode ?? "") : data.country?.code;
  const country =
    data.countries.find(([code]) => code === countryCode) ??
    (data.country ? [data.country.code, data.country.name] : null);
  if (result?.ok)
    return (
      <>
        <h1>{t("pages.newRequest")}</h1>
        <Alert
          severity="success"
          title={t("form.sentTitle")}
          description={t("form.sentText", { email: result.email })}
          role="status"
        />
      </>
    );
  return (
    <>
      <h1>{t("pages.newRequest")}</h1>
      <p>{t("form.intro")}</p>
      <LanguageSwitch
        lang={lang}
        href={(code) =>
          `/bourse/demandes/nouvelle?${new URLSearchParams({ langue: code, ...(country ? { pays: country[0] } : {}) })}`
        }
      />
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
        <form method="get" action="/bourse/demandes/nouvelle">
          <input type="hidden" name="langue" value={lang} />
          <p>{t("form.countryFirst")}</p>
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="champ-pays">
              {t("fields.countryCode.label")}
            </label>
            <select className="fr-select" id="champ-pays" name="pays" required>
              {data.countries.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">{portalTexts(lang)("form.continue")}</Button>
        </form>
      )}
    </>
  );
}
