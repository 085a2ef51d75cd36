import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { data, redirect, useLoaderData } from "react-router";
import { Invalid } from "../../../../src/platform/errors";
import { finishProConnect } from "../../../../src/modules/accounts/index";
import { closeSession, deviceOf } from "../../../../src/platform/auth/sessions";
import { appContext, requestContext } from "../../../context";
import { guard, sessionCookie } from "../../../platform/http.server";
import { bindingOf, clearedBindingCookie, proConnectOf } from "../../proconnect.server";
import type { Route } from "./+types/callback";

/**
 * The provider sends the browser back here. A known identity is signed in; an account with
 * the same address is linked on the next page; anyone else asks for access, with the
 * organisation of their SIRET already chosen.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, config } = context.get(appContext);
  const { sessionToken: previous, secureCookies } = context.get(requestContext);
  return guard(request, async () => {
    let outcome: Awaited<ReturnType<typeof finishProConnect>>;
    try {
      outcome = await finishProConnect(db, proConnectOf(config), {
        binding: bindingOf(request, secureCookies),
        callbackUrl: new URL(
          request.url.replace(/^[^?]*/, `${config.publicUrl}/connexion/proconnect/retour`),
        ),
        device: deviceOf(request.headers.get("user-agent")),
      });
    } catch (error) {
      // Told on a page of the portal, with the way back; nothing was created.
      if (!(error instanceof Invalid)) throw error;
      return data(
        { message: error.message, details: Object.values(error.fieldErrors) },
        { status: error.status },
      );
    }
    if (outcome.kind === "signed-in") {
      await closeSession(db, previous);
      const headers = new Headers();
      headers.append("Set-Cookie", sessionCookie(outcome.sessionToken, secureCookies));
      headers.append("Set-Cookie", clearedBindingCookie(secureCookies));
      return redirect(outcome.returnPath, { headers });
    }
    if (outcome.kind === "link") return redirect("/connexion/proconnect/lier");
    const query = new URLSearchParams({ groupe: "collectivite" });
    if (outcome.siren) query.set("q", outcome.siren);
    return redirect(`/inscription?${query}`);
  });
}

export const meta = () => [{ title: "Connexion avec ProConnect – Portail AECT" }];

/** Shown only when the callback is refused: why, and how to go on. */
export default function ProConnectRefused() {
  const { message, details } = useLoaderData<typeof loader>();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Connexion avec ProConnect impossible</h1>
        <Alert
          severity="error"
          title={message}
          description={
            details.length > 0 ? (
              <ul>
                {details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : undefined
          }
          className="fr-mb-4w"
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a className="fr-btn" href="/connexion">
              Revenir à la page de connexion
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href="/inscription">
              Demander un accès sans ProConnect
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}
