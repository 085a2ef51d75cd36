import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import { mailNewFollowLinks } from "../../../src/modules/bourse/index";
import { bourseTexts } from "../../../src/modules/bourse/texts/index";
import { languageOf } from "../../../src/platform/i18n/languages";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, TextField } from "../../platform/components/FormFields";
import { LanguageSwitch } from "../../platform/components/LanguageSwitch";
import { appContext, requestContext } from "../../context";
import { readForm } from "../../platform/form.server";
import { runAction } from "../../platform/http.server";
import { bourseTitle } from "../titles";
import type { Route } from "./+types/new-link";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: bourseTitle(data?.pageLanguage ?? "fr", "newLink") },
];

export function loader({ request, context }: Route.LoaderArgs) {
  return {
    csrfToken: context.get(requestContext).csrfToken,
    pageLanguage: languageOf(new URL(request.url).searchParams.get("langue")),
  };
}

/** An author without an account whose link has expired asks for a new one by mail. */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const values = await readForm(request);
  const lang = languageOf(new URL(request.url).searchParams.get("langue"));
  return runAction(values, async () => {
    await mailNewFollowLinks(db, values, clientAddress, config.publicUrl, lang);
    return { ok: true as const, email: values.contactEmail?.trim() };
  });
}

export default function NewFollowLink() {
  const { csrfToken, pageLanguage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const t = bourseTexts(pageLanguage);
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>{t("pages.newLink")}</h1>
        <LanguageSwitch lang={pageLanguage} href={(code) => `/bourse/suivi?langue=${code}`} />
        {result?.ok ? (
          <Alert
            severity="success"
            title={t("follow.linkSentTitle")}
            description={t("follow.linkSent", { email: result.email ?? "" })}
            role="status"
          />
        ) : (
          <>
            <p>{t("follow.linkIntro")}</p>
            <FormErrorSummary failure={failure} />
            <form method="post" action={`/bourse/suivi?langue=${pageLanguage}`} noValidate>
              <CsrfField token={csrfToken} />
              <TextField
                name="contactEmail"
                label={t("follow.linkEmail")}
                hint={t("follow.linkHint")}
                type="email"
                autoComplete="email"
                required
                failure={failure}
              />
              <Button type="submit">{t("follow.linkSubmit")}</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
