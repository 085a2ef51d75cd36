import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import {
  apdCampaignList,
  defaultCampaignValues,
  openApdCampaign,
} from "../../../src/modules/apd/index";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  DateField,
  FormErrorSummary,
  TextAreaField,
  TextField,
} from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { formatDate, formatEuros } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/admin-campaigns";

export const meta = () => [{ title: "Campagnes e-APD – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => ({
    campaigns: await apdCampaignList(db, actor),
    defaults: defaultCampaignValues(),
    csrfToken,
  }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const campaign = await openApdCampaign(db, actor, values, config.publicUrl);
    return redirect(`/admin/apd/${campaign.id}`);
  });
}

export default function ApdCampaignsPage() {
  const { campaigns, defaults, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const open = campaigns.some((campaign) => !campaign.closed_at);
  return (
    <>
      <h1>Déclarations de l'aide publique au développement (e-APD)</h1>
      <div className="fr-table">
        <table>
          <caption>Campagnes de déclaration</caption>
          <thead>
            <tr>
              <th scope="col">Dépenses de</th>
              <th scope="col">Fenêtre</th>
              <th scope="col">État</th>
              <th scope="col">Déclarations</th>
              <th scope="col">APD déclarée</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  <a href={`/admin/apd/${campaign.id}`}>Campagne {campaign.year}</a>
                </td>
                <td>
                  du {formatDate(campaign.opens_on, "longDate")} au{" "}
                  {formatDate(campaign.closes_on, "longDate")}
                </td>
                <td>{campaign.closed_at ? "clôturée" : "ouverte"}</td>
                <td>{campaign.declared}</td>
                <td>{formatEuros(campaign.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? null : (
        <section aria-labelledby="ouvrir-titre">
          <h2 id="ouvrir-titre">Ouvrir une campagne</h2>
          <p>
            Chaque collectivité reçoit un courriel d'ouverture le jour de l'ouverture, puis des
            rappels 15 et 3 jours avant la date limite si elle n'a pas déclaré. Une déclaration
            transmise après la date limite est acceptée mais signalée en retard.
          </p>
          <FormErrorSummary failure={failure} />
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <TextField
              name="year"
              label="Année des dépenses déclarées"
              required
              failure={failure}
              defaultValue={defaults.year}
            />
            <DateField
              name="opensOn"
              label="Date d'ouverture"
              required
              failure={failure}
              defaultValue={defaults.opensOn}
            />
            <DateField
              name="closesOn"
              label="Date limite"
              required
              failure={failure}
              defaultValue={defaults.closesOn}
            />
            <TextAreaField
              name="message"
              label="Message aux collectivités (facultatif)"
              hint="Il figure dans le courriel d'ouverture."
              failure={failure}
            />
            <Button type="submit">Ouvrir la campagne</Button>
          </form>
        </section>
      )}
    </>
  );
}
