import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useLoaderData } from "react-router";
import { listOrganisations } from "../../../src/modules/accounts/index";
import { organisationKinds } from "../../../src/platform/auth/organisation-kinds";
import { organisationKindLabels } from "../../../src/reference/data/nomenclatures";
import { Pager, pageParam } from "../../platform/components/Pager";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/admin-organisations";
import { countOf, sentenceCase } from "../../platform/format";

export const meta = () => [{ title: "Organisations – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const requestedKind = url.searchParams.get("type") ?? "";
  const kind = (organisationKinds as readonly string[]).includes(requestedKind)
    ? requestedKind
    : "";
  return guard(request, async () => ({
    q,
    kind,
    ...(await listOrganisations(db, actor, { q, kind, page: pageParam(url) })),
  }));
}

export default function Organisations() {
  const { rows, total, page, pageCount, q, kind } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Organisations</h1>
      <form method="get" aria-label="Filtrer les organisations" className="fr-mb-3w">
        <Input
          label="Rechercher par nom"
          nativeInputProps={{ name: "q", defaultValue: q, type: "search" }}
        />
        <Select
          label="Type d'organisation"
          nativeSelectProps={{ name: "type", defaultValue: kind }}
        >
          <option value="">Tous les types</option>
          {organisationKinds.map((value) => (
            <option key={value} value={value}>
              {organisationKindLabels[value]}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary">
          Filtrer
        </Button>
      </form>
      <div className="fr-table">
        <table>
          <caption>{sentenceCase(countOf(total, "organisation", "organisations", "f"))}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Pays / région</th>
              <th scope="col">Membres</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((organisation) => (
              <tr key={organisation.id}>
                <td>
                  <a href={`/organisations/${organisation.id}/membres`}>{organisation.name}</a>
                </td>
                <td>{organisationKindLabels[organisation.kind]}</td>
                <td>{organisation.place ?? ""}</td>
                <td>{organisation.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pageCount={pageCount}
        basePath="/admin/organisations"
        query={{ ...(q ? { q } : {}), ...(kind ? { type: kind } : {}) }}
      />
    </>
  );
}
