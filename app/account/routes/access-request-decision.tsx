import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import {
  accessRequestView,
  approveAccessRequest,
  refuseAccessRequest,
} from "../../../src/modules/accounts/index";
import { accessRequestStatusLabels } from "../../../src/modules/accounts/codes";
import { Invalid } from "../../../src/platform/errors";
import { ActionForm, ActionOutcome } from "../../platform/components/ActionForm";
import { FactList } from "../../platform/components/FactList";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import { TextAreaField } from "../../platform/components/FormFields";
import { WorkflowHistory } from "../../platform/components/WorkflowHistory";
import { readForm } from "../../platform/form.server";
import { formatDate } from "../../platform/format";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/access-request-decision";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Demande d'accès – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => ({
    view: await accessRequestView(db, actor, idParam(params.requestId)),
    csrfToken,
  }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const id = idParam(params.requestId);
    // Only its approvers learn that the request exists.
    await accessRequestView(db, actor, id);
    switch (values.intent) {
      case "approve":
        await approveAccessRequest(db, actor, id, values.version, config.publicUrl);
        return {
          ok: true as const,
          message: "La demande est acceptée ; la personne en est informée.",
        };
      case "refuse":
        await refuseAccessRequest(db, actor, id, values, config.publicUrl);
        return { ok: true as const, message: "La demande est refusée ; le motif est envoyé." };
    }
    throw new Invalid({ intent: "Choisissez : accepter ou refuser la demande." });
  });
}

export default function AccessRequestDecision() {
  const { view, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>{`Demande d'accès ${ofName(view.person)}`}</h1>
      <p>
        <Badge
          severity={
            view.status === "approved" ? "success" : view.status === "refused" ? "error" : "info"
          }
        >
          {accessRequestStatusLabels[view.status]}
        </Badge>
      </p>
      <ActionOutcome success={result?.ok ? result.message : undefined} failure={failure} />
      <FactList
        facts={[
          [
            view.proposal ? "Collectivité à ajouter" : "Organisation",
            view.proposal
              ? `${view.organisation} (${view.proposal.kind}, code ${view.proposal.code})`
              : view.organisation,
          ],
          ...(view.proposal
            ? ([
                [
                  "Référentiel officiel",
                  view.proposal.reference ??
                    "code inconnu du référentiel : l'accepter est impossible, vérifiez-le avec la personne ou refusez",
                ],
                ...(view.proposal.former.length > 0
                  ? [
                      [
                        "Anciennes communes remplacées",
                        view.proposal.former
                          .map(
                            (former) =>
                              `${former.code} : ${former.reference ?? "inconnue du référentiel"}${former.inRegister ? " (ses partenariats de l'Atlas seront repris)" : ""}`,
                          )
                          .join(" ; "),
                      ],
                    ]
                  : []),
              ] as [string, string][])
            : []),
          ["Fonction", view.personFunction],
          ["Adresse électronique", view.email],
          [
            "Adresse confirmée le",
            view.confirmedAt ? formatDate(view.confirmedAt, "longDate") : "—",
          ],
          ...(view.refusalReason
            ? ([["Motif du refus", view.refusalReason]] as [string, string][])
            : []),
        ]}
      />
      {view.decide ? (
        <section aria-labelledby="decision-titre">
          <h2 id="decision-titre">Décision</h2>
          <ActionForm
            csrfToken={csrfToken}
            intent="approve"
            version={view.version}
            label="Accepter la demande"
          />
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="refuse" />
            <input type="hidden" name="version" value={view.version} />
            <TextAreaField
              name="reason"
              label="Motif du refus (envoyé à la personne)"
              failure={failure?.values.intent === "refuse" ? failure : undefined}
            />
            <Button type="submit" priority="secondary">
              Refuser la demande
            </Button>
          </form>
        </section>
      ) : null}
      <WorkflowHistory history={view.history} id="historique-demande" />
    </>
  );
}
