import { redirect, useActionData, useLoaderData } from "react-router";
import { createOffer, offerListFields } from "../../../src/modules/bourse/index";
import { Invalid, Unauthenticated } from "../../../src/platform/errors";
import { formToValues } from "../../../src/platform/validation";
import { OfferForm } from "../components/OfferForm";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { offerCollectivites, offerFormChoices } from "../pages.server";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/new-offer";

export const meta = () => [
  { title: "Proposer une offre de partenariat – Bourse-partenariats – Portail AECT" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    if (actor.kind !== "user") throw new Unauthenticated();
    return { csrfToken, choices: await offerFormChoices(db, actor) };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    if (actor.kind !== "user") throw new Unauthenticated();
    Object.assign(values, formToValues(await request.formData(), offerListFields));
    const collectivites = await offerCollectivites(db, actor);
    const chosen = collectivites.find(
      ({ id }) => collectivites.length === 1 || String(id) === values.collectiviteId,
    );
    if (!chosen)
      throw new Invalid({
        collectiviteId: "Choisissez la collectivité au nom de laquelle vous proposez l'offre.",
      });
    const offer = await createOffer(db, actor, chosen.id, values);
    return redirect(`/bourse/offres/${offer.id}`);
  });
}

export default function NewOfferPage() {
  const { csrfToken, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>Proposer une offre de partenariat</h1>
      <p>
        Présentez ce que votre collectivité peut apporter à une collectivité étrangère. La DAECT
        reçoit l'offre et demande l'avis de la préfecture de votre région et de l'ambassade de
        France de chaque pays visé ; elle décide ensuite de la diffuser sur la Bourse pour douze
        mois. Vous êtes informé par courriel à chaque étape. L'offre reste un brouillon modifiable
        tant que vous ne l'avez pas transmise.
      </p>
      <FormErrorSummary failure={failure} />
      <OfferForm
        csrfToken={csrfToken}
        choices={choices}
        failure={failure}
        submitLabel="Enregistrer le brouillon"
      />
    </>
  );
}
