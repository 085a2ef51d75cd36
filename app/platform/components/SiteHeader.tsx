import { republiqueFrancaise } from "./Marianne";
import { Header } from "@codegouvfr/react-dsfr/Header";
import type { RootData } from "../../root";
import { CsrfField } from "./CsrfField";
import { countOf } from "../format";

/** The DSFR header: Marianne block, service name, quick access and the navigation of existing modules. */
export function SiteHeader({ root }: { root: RootData | undefined }) {
  const user = root?.user;
  const quickAccessItems = user
    ? [
        {
          iconId: "fr-icon-account-circle-line" as const,
          text: "Mon compte",
          linkProps: { href: "/compte" },
        },
        <form key="sign-out" method="post" action="/deconnexion">
          <CsrfField token={root.csrfToken} />
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
            Se déconnecter
          </button>
        </form>,
      ]
    : [
        {
          iconId: "fr-icon-lock-line" as const,
          text: "Se connecter",
          linkProps: { href: "/connexion" },
        },
      ];
  const navigation = [
    { text: "Accueil", linkProps: { href: "/" } },
    { text: "Atlas : rechercher un projet", linkProps: { href: "/atlas/projets" } },
    { text: "Carte", linkProps: { href: "/atlas/carte" } },
    { text: "Statistiques", linkProps: { href: "/atlas/statistiques" } },
    { text: "Aide au développement", linkProps: { href: "/apd" } },
    { text: "Bourse-partenariats", linkProps: { href: "/bourse" } },
    ...(user
      ? [
          {
            text:
              root && root.taskCount > 0
                ? `Mon espace (${countOf(root.taskCount, "tâche", "tâches", "f")})`
                : "Mon espace",
            linkProps: { href: "/mon-espace" },
          },
          { text: "Mon compte", linkProps: { href: "/compte" } },
        ]
      : []),
    ...(root?.canAdminister ? [{ text: "Administration", linkProps: { href: "/admin" } }] : []),
  ];
  return (
    <Header
      brandTop={republiqueFrancaise}
      homeLinkProps={{ href: "/", title: "Accueil – Portail AECT" }}
      serviceTitle="Portail AECT"
      serviceTagline="Action extérieure des collectivités territoriales"
      quickAccessItems={quickAccessItems}
      navigation={navigation}
      id="en-tete"
    />
  );
}
