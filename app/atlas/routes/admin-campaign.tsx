import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import {
  atlasLabels,
  campaignProgress,
  closeCampaign,
  remindCampaign,
} from "../../../src/modules/atlas/index";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { countOf, formatDate } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/admin-campaign";

export const meta = () => [{ title: "Suivi de campagne – Administration – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const progress = await campaignProgress(db, actor, idParam(params.campaignId));
    const labels = await atlasLabels(db);
    return {
      ...progress,
      byRegion: progress.byRegion.map((row) => ({
        ...row,
        region: row.region_code
          ? (labels.region.get(row.region_code) ?? row.region_code)
          : "Sans région",
      })),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const id = idParam(params.campaignId);
    if (values.intent === "cloturer") {
      await closeCampaign(db, actor, id, values.version);
      return { ok: true as const, message: "La campagne est clôturée." };
    }
    const { reminded } = await remindCampaign(db, actor, id, values.version, config.publicUrl);
    return {
      ok: true as const,
      message: `Relance écrite pour ${countOf(reminded, "collectivité", "collectivités", "f")} : les courriels partent par la file d'envoi.`,
    };
  });
}

const percent = (part: number, total: number) =>
  total === 0 ? "0 %" : `${Math.round((part / total) * 100)} %`;

export default function CampaignPage() {
  const { campaign, total, verified, byRegion, pending, verifiedRecently, csrfToken } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{`Campagne « ${campaign.title} »`}</h1>
      <p>
        {`Ouverte le ${formatDate(campaign.openedAt, "longDate")} par ${campaign.openedByLabel}. `}
        {campaign.closedAt
          ? `Clôturée le ${formatDate(campaign.closedAt, "longDate")}.`
          : `Clôture prévue le ${formatDate(campaign.closesOn, "longDate")}. ${countOf(campaign.reminders, "relance envoyée", "relances envoyées", "f")}.`}
      </p>
      {result?.ok ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          description={result.message}
        />
      ) : null}
      <FormErrorSummary failure={result && !result.ok ? result : undefined} />
      <p className="fr-text--lead">
        <label htmlFor="avancement-campagne">{`${verified} collectivités sur ${total} ont confirmé leurs données (${percent(verified, total)})`}</label>
      </p>
      <progress id="avancement-campagne" max={total} value={verified} className="fr-mb-3w" />
      {campaign.closedAt ? null : (
        <form method="post" className={fr.cx("fr-mb-4w")}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={campaign.version} />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" nativeButtonProps={{ name: "intent", value: "relancer" }}>
                {`Relancer les ${total - verified} collectivités sans réponse`}
              </Button>
            </li>
            <li>
              <Button
                type="submit"
                priority="secondary"
                nativeButtonProps={{ name: "intent", value: "cloturer" }}
              >
                Clôturer la campagne
              </Button>
            </li>
          </ul>
        </form>
      )}
      <div className="fr-table">
        <table>
          <caption>Avancement par région</caption>
          <thead>
            <tr>
              <th scope="col">Région</th>
              <th scope="col" className="fr-cell--right">
                Collectivités
              </th>
              <th scope="col" className="fr-cell--right">
                Confirmées
              </th>
              <th scope="col" className="fr-cell--right">
                Part
              </th>
            </tr>
          </thead>
          <tbody>
            {byRegion.map((row) => (
              <tr key={row.region}>
                <th scope="row">{row.region}</th>
                <td className="fr-cell--right">{row.total}</td>
                <td className="fr-cell--right">{row.verified}</td>
                <td className="fr-cell--right">{percent(row.verified, row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Dernières confirmations</h2>
      <ul>
        {verifiedRecently.map((row) => (
          <li key={row.id}>
            <a href={`/atlas/collectivites/${row.id}`}>{row.name}</a>
            {row.at ? ` — ${formatDate(row.at, "dateTime")}` : null}
          </li>
        ))}
      </ul>
      <h2>{`Sans réponse (${Math.min(pending.length, 100)} premières par ordre alphabétique)`}</h2>
      <ul>
        {pending.map((row) => (
          <li key={row.id}>
            <a href={`/atlas/collectivites/${row.id}`}>{row.name}</a>
            {row.remindedAt ? ` — relancée le ${formatDate(row.remindedAt, "longDate")}` : null}
          </li>
        ))}
      </ul>
    </>
  );
}
