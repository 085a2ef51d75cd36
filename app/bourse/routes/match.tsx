import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { matchFormValues, matchRequest, requestView } from "../../../src/modules/bourse/index";
import type { Actor } from "../../../src/platform/auth/actor";
import type { Queryable } from "../../../src/platform/db/client";
import { Forbidden, Invalid, Unauthenticated } from "../../../src/platform/errors";
import { CsrfField } from "../../platform/components/CsrfField";
import { TrailBreadcrumb } from "../../platform/components/TrailBreadcrumb";
import { FormErrorSummary, SelectField } from "../../platform/components/FormFields";
import { PartnershipFields } from "../../atlas/components/PartnershipFields";
import { appContext, requestContext } from "../../context";
import { newPartnershipChoices } from "../../atlas/edit.server";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/match";

export const meta = () => [
  { title: "Conclure le partenariat – Bourse-partenariats – Portail AECT" },
];

/** The answering collectivités in whose name the reader may record the partnership. */
async function matchable(db: Queryable, actor: Actor, requestId: number) {
  const view = await requestView(db, { actor }, requestId);
  if (actor.kind === "visitor") throw new Unauthenticated();
  if (view.abilities.matchWith.length === 0)
    throw new Forbidden(
      "Le partenariat se conclut quand la demande est publiée et qu'une de vos collectivités s'y est déclarée intéressée.",
    );
  return view;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const view = await matchable(db, actor, idParam(params.requestId));
    const asked = new URL(request.url).searchParams.get("collectivite");
    return {
      csrfToken,
      request: { id: view.request.id, title: view.request.title, country: view.request.country },
      collectivites: view.abilities.matchWith.map(
        (c) => [String(c.id), c.name] as [string, string],
      ),
      chosen: view.abilities.matchWith.some((c) => String(c.id) === asked) ? asked! : "",
      initial: matchFormValues(view.request),
      choices: await newPartnershipChoices(db),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const requestId = idParam(params.requestId);
    const view = await matchable(db, actor, requestId);
    const chosen = view.abilities.matchWith.find(
      (c) => view.abilities.matchWith.length === 1 || String(c.id) === values.collectiviteId,
    );
    if (!chosen)
      throw new Invalid({
        collectiviteId: "Choisissez la collectivité française partenaire.",
      });
    await matchRequest(db, actor, requestId, chosen.id, values, config.publicUrl);
    return redirect(`/bourse/demandes/${requestId}`);
  });
}

export default function MatchPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <TrailBreadcrumb
        trail={[
          { label: "Bourse-partenariats", href: "/bourse" },
          { label: data.request.title, href: `/bourse/demandes/${data.request.id}` },
        ]}
        current={{ label: "Conclure le partenariat", href: "#contenu" }}
      />
      <h1>Conclure le partenariat</h1>
      <p>
        La demande « {data.request.title} » ({data.request.country}) devient un partenariat de
        l'Atlas de la coopération décentralisée. Les champs sont repris de la demande : vérifiez-les
        et complétez la date de signature si la convention est signée. La demande passe alors à
        l'état « partenariat conclu ».
      </p>
      <FormErrorSummary failure={failure} />
      <form method="post" noValidate>
        <CsrfField token={data.csrfToken} />
        {data.collectivites.length > 1 ? (
          <SelectField
            name="collectiviteId"
            label="Collectivité française partenaire"
            options={data.collectivites}
            value={String(failure?.values.collectiviteId ?? data.chosen)}
            failure={failure}
          />
        ) : (
          <p>
            Collectivité française partenaire : <strong>{data.collectivites[0][1]}</strong>
          </p>
        )}
        <PartnershipFields choices={data.choices} failure={failure} initial={data.initial} />
        <Button type="submit">Enregistrer le partenariat dans l'Atlas</Button>
      </form>
    </>
  );
}
