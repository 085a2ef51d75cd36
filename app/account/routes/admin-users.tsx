import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useLoaderData } from "react-router";
import { listUsers } from "../../../src/modules/accounts/index";
import { Pager, pageParam } from "../../platform/components/Pager";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/admin-users";
import { countOf, formatDate, sentenceCase } from "../../platform/format";

export const meta = () => [{ title: "Utilisateurs – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  return guard(request, async () => ({
    q,
    ...(await listUsers(db, actor, { q, page: pageParam(url) })),
  }));
}

export default function Users() {
  const { rows, total, page, pageCount, q } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Utilisateurs</h1>
      <form method="get" aria-label="Rechercher des utilisateurs" className="fr-mb-3w">
        <Input
          label="Rechercher par nom ou adresse électronique"
          nativeInputProps={{ name: "q", defaultValue: q, type: "search" }}
        />
        <Button type="submit" priority="secondary">
          Rechercher
        </Button>
      </form>
      <div className="fr-table">
        <table>
          <caption>{sentenceCase(countOf(total, "compte", "comptes", "m"))}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Organisations</th>
              <th scope="col">Dernière connexion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <tr key={user.id}>
                <td>{user.displayName}</td>
                <td>{user.email}</td>
                <td>{user.organisations}</td>
                <td>{user.lastSignInAt ? formatDate(user.lastSignInAt, "dateTime") : "Jamais"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pageCount={pageCount}
        basePath="/admin/utilisateurs"
        query={q ? { q } : {}}
      />
    </>
  );
}
