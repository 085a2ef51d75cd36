import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { confirmAccessRequest, pendingConfirmation } from "../../../src/modules/accounts/index";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/access-request-confirm";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Confirmer la demande d'accès – Portail AECT" }];

/** Opening the mailed link confirms nothing (mail scanners open links): the button does. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, async () => ({
    csrfToken: context.get(requestContext).csrfToken,
    request: await pendingConfirmation(db, params.token ?? ""),
  }));
}

export async function action({ params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  return runAction({}, async () => {
    await confirmAccessRequest(db, params.token ?? "", { publicUrl: config.publicUrl });
    // The link is spent: the answer is a page of its own.
    return redirect("/inscription?confirmee=1");
  });
}

export default function ConfirmAccessRequest() {
  const { csrfToken, request } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Confirmer votre demande d'accès</h1>
        <FormErrorSummary failure={result && !result.ok ? result : undefined} />
        <p>
          Demande {ofName(request.person)} au nom {ofName(request.organisation)}. Confirmez qu'elle
          vient bien de vous : elle sera alors transmise pour validation.
        </p>
        <form method="post">
          <CsrfField token={csrfToken} />
          <Button type="submit">Confirmer ma demande</Button>
        </form>
      </div>
    </div>
  );
}
