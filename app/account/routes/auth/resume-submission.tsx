import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { parse } from "cookie";
import { data, useLoaderData } from "react-router";
import { CSRF_COOKIE } from "../../../../src/platform/auth/csrf";
import { resumableSubmission } from "../../../../src/platform/auth/resumable-submissions";
import { cookieName } from "../../../../src/platform/auth/sessions";
import { Unauthenticated } from "../../../../src/platform/errors";
import { appContext, requestContext } from "../../../context";
import { CsrfField } from "../../../platform/components/CsrfField";
import { asResponse } from "../../../platform/http.server";
import type { Route } from "./+types/resume-submission";

export const meta = () => [{ title: "Reprendre votre envoi – Portail AECT" }];

/**
 * After a session ended during typing: the form comes back, filled, with one button that
 * sends it to its page again; the page then answers as it always does (saved, or the errors
 * on their fields with what was typed).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, secureCookies, csrfToken } = context.get(requestContext);
  if (actor.kind !== "user") throw asResponse(new Unauthenticated(), request);
  const cookies = parse(request.headers.get("Cookie") ?? "");
  const kept = await resumableSubmission(db, {
    token: params.token ?? "",
    browser: cookies[cookieName(CSRF_COOKIE, secureCookies)],
    userId: actor.userId,
  });
  if (!kept)
    throw data(
      "Ce qui avait été saisi n'est plus disponible : il n'est gardé qu'une heure, pour le navigateur et la personne qui l'avaient saisi. Ouvrez de nouveau le formulaire.",
      { status: 404 },
    );
  return { ...kept, csrfToken };
}

export default function ResumeSubmission() {
  const { path, fields, droppedFiles, csrfToken } = useLoaderData<typeof loader>();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-7")}>
        <h1>Reprendre votre envoi</h1>
        <p>
          Votre session avait pris fin quand vous avez envoyé le formulaire. Ce que vous aviez saisi
          a été conservé : envoyez-le de nouveau pour l'enregistrer. La page vous dira, comme
          d'habitude, ce qui a été enregistré ou ce qui reste à corriger.
        </p>
        {droppedFiles.length > 0 ? (
          <Alert
            className={fr.cx("fr-mb-3w")}
            severity="warning"
            small
            description={`Les fichiers ne sont pas conservés : joignez de nouveau ${droppedFiles.map((name) => `« ${name} »`).join(", ")} depuis le formulaire.`}
          />
        ) : null}
        <form method="post" action={path}>
          <CsrfField token={csrfToken} />
          {fields.map(([name, value], index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a field may repeat; its place is its identity
            <input key={index} type="hidden" name={name} value={value} />
          ))}
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit">Envoyer ce que j'avais saisi</Button>
            </li>
            <li>
              <Button priority="secondary" linkProps={{ href: path }}>
                Revenir à la page sans envoyer
              </Button>
            </li>
          </ul>
        </form>
      </div>
    </div>
  );
}
