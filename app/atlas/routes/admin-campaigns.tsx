import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { listCampaigns, openCampaign } from "../../../src/modules/atlas/index";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  DateField,
  FormErrorSummary,
  TextAreaField,
  TextField,
} from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { formatDate } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/admin-campaigns";

export const meta = () => [{ title: "Campagnes de mise à jour – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => ({ campaigns: await listCampaigns(db, actor), csrfToken }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const campaign = await openCampaign(db, actor, values, config.publicUrl);
    return redirect(`/admin/campagnes/${campaign.id}`);
  });
}

export default function CampaignsPage() {
  const { campaigns, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const open = campaigns.some((campaign) => !campaign.closed_at);
  return (
    <>
      <h1>Campagnes de mise à jour de l'Atlas</h1>
      <p>
        Une campagne demande par courriel à chaque collectivité de l'Atlas de vérifier son profil,
        ses partenariats et ses projets, puis de confirmer qu'ils sont à jour. Son suivi montre
        l'avancement et permet de relancer celles qui n'ont pas répondu.
      </p>
      <div className="fr-table">
        <table>
          <caption>Campagnes</caption>
          <thead>
            <tr>
              <th scope="col">Campagne</th>
              <th scope="col">Ouverte le</th>
              <th scope="col">Clôture</th>
              <th scope="col">Confirmées</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  <a href={`/admin/campagnes/${campaign.id}`}>{campaign.title}</a>
                </td>
                <td>{formatDate(campaign.opened_at, "longDate")}</td>
                <td>
                  {campaign.closed_at
                    ? `clôturée le ${formatDate(campaign.closed_at, "longDate")}`
                    : `prévue le ${formatDate(campaign.closes_on, "longDate")}`}
                </td>
                <td>{`${campaign.verified} / ${campaign.total}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? null : (
        <section aria-labelledby="ouvrir-titre">
          <h2 id="ouvrir-titre">Ouvrir une campagne</h2>
          <FormErrorSummary failure={failure} />
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <TextField
              name="title"
              label="Titre"
              hint="Exemple : Mise à jour 2027"
              required
              failure={failure}
            />
            <TextAreaField
              name="message"
              label="Message aux collectivités"
              hint="Il figure dans le courriel envoyé à chaque collectivité."
              failure={failure}
            />
            <DateField name="closesOn" label="Date de clôture" required failure={failure} />
            <Button type="submit">Ouvrir la campagne et écrire aux collectivités</Button>
          </form>
        </section>
      )}
    </>
  );
}
