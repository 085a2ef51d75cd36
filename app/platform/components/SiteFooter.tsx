import { republiqueFrancaise } from "./Marianne";
import { Footer } from "@codegouvfr/react-dsfr/Footer";

export function SiteFooter() {
  return (
    <Footer
      id="pied-de-page"
      accessibility="non compliant"
      brandTop={republiqueFrancaise}
      homeLinkProps={{ href: "/", title: "Accueil – Portail AECT" }}
      contentDescription="Le Portail AECT est l'outil du ministère de l'Europe et des Affaires étrangères (DAECT) et de la Commission nationale de la coopération décentralisée pour l'action extérieure des collectivités territoriales."
      termsLinkProps={{ href: "/mentions-legales" }}
      websiteMapLinkProps={{ href: "/plan-du-site" }}
      accessibilityLinkProps={{ href: "/accessibilite" }}
      bottomItems={[
        { text: "Données personnelles et cookies", linkProps: { href: "/donnees-personnelles" } },
        { text: "Demander un accès", linkProps: { href: "/inscription" } },
      ]}
    />
  );
}
