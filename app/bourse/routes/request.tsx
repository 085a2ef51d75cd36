import { useActionData, useLoaderData } from "react-router";
import { requestListFields, requestView } from "../../../src/modules/bourse/index";
import { RequestDetail } from "../components/RequestDetail";
import { RequestForm } from "../components/RequestForm";
import { CollectiviteSuggestions } from "../components/Suggestions";
import { appContext, requestContext } from "../../context";
import {
  readUploadForm,
  readerLanguage,
  requestPageAction,
  requestPageData,
} from "../pages.server";
import { bourseTexts } from "../../../src/modules/bourse/texts/index";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/request";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: data
      ? `${data.view.request.title} – ${bourseTexts(data.pageLanguage)("pages.suffix")} – Portail AECT`
      : "Demande de partenariat – Bourse-partenariats – Portail AECT",
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const view = await requestView(db, { actor }, idParam(params.requestId));
    const url = new URL(request.url);
    const lang = readerLanguage(view, url);
    const done = url.searchParams.get("fait");
    const t = bourseTexts(lang);
    return {
      ...(await requestPageData(db, view, lang)),
      csrfToken,
      notice:
        done === "transmise"
          ? t("outcomes.submitted")
          : done === "enregistree"
            ? t("outcomes.saved")
            : undefined,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await readUploadForm(request, requestListFields);
    Object.assign(values, form.values);
    const requestId = idParam(params.requestId);
    const lang = readerLanguage(await requestView(db, { actor }, requestId), new URL(request.url));
    return requestPageAction(
      db,
      { actor },
      requestId,
      form.values,
      form.uploads,
      config.publicUrl,
      lang,
    );
  });
}

export default function RequestPage() {
  const { view, csrfToken, pageLanguage, stored, choices, suggestions, notice } =
    useLoaderData<typeof loader>();
  const t = bourseTexts(pageLanguage);
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <RequestDetail
      view={view}
      lang={pageLanguage}
      csrfToken={csrfToken}
      failure={failure}
      success={result?.ok ? result.message : notice}
      attachmentBase={`/bourse/demandes/${view.request.id}/pieces`}
      suggestions={<CollectiviteSuggestions suggestions={suggestions} lang={pageLanguage} />}
      editForm={
        stored && choices ? (
          <details className="fr-mb-3w" open={failure?.values.intent === "request"}>
            <summary>{t("detail.edit")}</summary>
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
          </details>
        ) : undefined
      }
    />
  );
}
