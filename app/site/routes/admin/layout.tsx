import { fr } from "@codegouvfr/react-dsfr";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import { Outlet, useLocation } from "react-router";
import { authorize } from "../../../../src/platform/policy";
import { requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import type { Route } from "./+types/layout";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  return guard(request, () => {
    authorize(actor, "admin:access");
    return null;
  });
}

const sections = [
  ["/admin", "Tableau de bord"],
  ["/admin/utilisateurs", "Utilisateurs"],
  ["/admin/organisations", "Organisations"],
  ["/admin/courriels", "Courriels envoyés"],
  ["/admin/journal", "Journal des modifications"],
  ["/admin/imports", "Imports de l'Atlas"],
  ["/admin/campagnes", "Campagnes de mise à jour"],
  ["/admin/apd", "Déclarations APD (e-APD)"],
  ["/admin/bourse", "Bourse-partenariats"],
] as const;

export default function AdminLayout() {
  const { pathname } = useLocation();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
        <SideMenu
          align="left"
          burgerMenuButtonText="Menu de l'administration"
          title="Administration"
          items={sections.map(([href, text]) => ({
            text,
            linkProps: { href },
            isActive: href === "/admin" ? pathname === "/admin" : pathname.startsWith(href),
          }))}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-9")}>
        <Outlet />
      </div>
    </div>
  );
}
