import { republiqueFrancaise } from "./Marianne";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { usePageLanguage } from "../page-language";
import { publishedAudit } from "../../../src/platform/accessibility/statement";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";

export function SiteFooter() {
  const t = portalTexts(usePageLanguage());
  return (
    <Footer
      id="pied-de-page"
      accessibility={publishedAudit.compliance}
      brandTop={republiqueFrancaise}
      homeLinkProps={{ href: "/", title: t("frame.homeTitle") }}
      contentDescription={t("frame.footerDescription")}
      termsLinkProps={{ href: "/mentions-legales" }}
      websiteMapLinkProps={{ href: "/plan-du-site" }}
      accessibilityLinkProps={{ href: "/accessibilite" }}
      bottomItems={[
        { text: t("frame.personalData"), linkProps: { href: "/donnees-personnelles" } },
        { text: t("frame.requestAccess"), linkProps: { href: "/inscription" } },
      ]}
    />
  );
}
