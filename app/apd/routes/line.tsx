import { redirect, useActionData, useLoaderData } from "react-router";
import { declarationView, lineFormValues, updateLine } from "../../../src/modules/apd/index";
import { NotFound } from "../../../src/platform/errors";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { LineForm } from "../components/LineForm";
import { appContext, requestContext } from "../../context";
import { lineChoices } from "../pages.server";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/line";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Modifier une ligne – Déclaration APD – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const view = await declarationView(db, actor, idParam(params.declarationId));
    const line = view.lines.find((candidate) => candidate.id === idParam(params.lineId));
    if (!line || !view.abilities.editLines || !view.choices)
      throw new NotFound("Cette ligne n'existe pas ou ne peut plus être modifiée.");
    return {
      declaration: {
        id: view.declaration.id,
        year: view.declaration.year,
        version: view.declaration.version,
      },
      collectivite: view.collectivite.name,
      stored: lineFormValues(line),
      choices: lineChoices(view.choices),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const declarationId = idParam(params.declarationId);
    await updateLine(db, actor, declarationId, idParam(params.lineId), values);
    return redirect(`/apd/declarations/${declarationId}`);
  });
}

export default function LinePage() {
  const { declaration, collectivite, stored, choices, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>
        Modifier une ligne – déclaration APD {declaration.year} {ofName(collectivite)}
      </h1>
      <p>
        <a href={`/apd/declarations/${declaration.id}`}>
          Revenir à la déclaration sans enregistrer
        </a>
      </p>
      <FormErrorSummary failure={failure} />
      <LineForm
        csrfToken={csrfToken}
        version={declaration.version}
        choices={choices}
        failure={failure}
        stored={stored}
        submitLabel="Enregistrer la ligne"
      />
    </>
  );
}
