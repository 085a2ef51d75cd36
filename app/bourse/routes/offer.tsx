import { useActionData, useLoaderData } from "react-router";
import {
  offerFormValues,
  offerListFields,
  offerView,
  themeLabels,
} from "../../../src/modules/bourse/index";
import { formToValues } from "../../../src/platform/validation";
import { OfferDetail } from "../components/OfferDetail";
import { OfferForm } from "../components/OfferForm";
import { appContext, requestContext } from "../../context";
import { offerFormChoices, offerPageAction } from "../pages.server";
import { uploadedFiles } from "../../platform/download.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/offer";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: data
      ? `${data.view.offer.title} – Offre de partenariat – Portail AECT`
      : "Offre de partenariat – Bourse-partenariats – Portail AECT",
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const view = await offerView(db, actor, idParam(params.offerId));
    return {
      view,
      csrfToken,
      themeNames: Object.fromEntries(themeLabels),
      choices: view.abilities.edit ? await offerFormChoices(db, actor) : null,
      stored: offerFormValues(view.offer),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    const form = await request.formData();
    Object.assign(values, formToValues(form, offerListFields));
    const [attachment] = await uploadedFiles(form, "piece");
    return offerPageAction(
      db,
      actor,
      idParam(params.offerId),
      values,
      config.publicUrl,
      attachment ?? null,
    );
  });
}

export default function OfferPage() {
  const { view, csrfToken, themeNames, choices, stored } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <OfferDetail
      view={view}
      themeNames={themeNames}
      csrfToken={csrfToken}
      failure={failure}
      success={result?.ok ? result.message : undefined}
      editForm={
        choices ? (
          <details className="fr-mb-3w" open={failure?.values.intent === "offer"}>
            <summary>Modifier l'offre</summary>
            <OfferForm
              csrfToken={csrfToken}
              choices={{ ...choices, collectivites: [] }}
              failure={failure?.values.intent === "offer" ? failure : undefined}
              stored={stored}
              version={view.offer.version}
              submitLabel="Enregistrer les modifications"
            />
          </details>
        ) : undefined
      }
    />
  );
}
