import { republiqueFrancaise } from "./Marianne";
import { Header } from "@codegouvfr/react-dsfr/Header";
import type { RootData } from "../../root";
import { CsrfField } from "./CsrfField";
import { usePageLanguage } from "../page-language";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";

/** The DSFR header: Marianne block, service name, quick access and the navigation of existing modules. */
export function SiteHeader({ root }: { root: RootData | undefined }) {
  const user = root?.user;
  const t = portalTexts(usePageLanguage());
  const quickAccessItems = user
    ? [
        {
          iconId: "fr-icon-account-circle-line" as const,
          text: t("frame.account"),
          linkProps: { href: "/compte" },
        },
        <form key="sign-out" method="post" action="/deconnexion">
          <CsrfField token={root.csrfToken} />
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
            {t("frame.signOut")}
          </button>
        </form>,
      ]
    : [
        {
          iconId: "fr-icon-lock-line" as const,
          text: t("frame.signIn"),
          linkProps: { href: "/connexion" },
        },
      ];
  const navigation = [
    { text: t("frame.home"), linkProps: { href: "/" } },
    { text: t("frame.atlas"), linkProps: { href: "/atlas/projets" } },
    { text: t("frame.map"), linkProps: { href: "/atlas/carte" } },
    { text: t("frame.statistics"), linkProps: { href: "/atlas/statistiques" } },
    { text: t("frame.apd"), linkProps: { href: "/apd" } },
    { text: t("frame.bourse"), linkProps: { href: "/bourse" } },
    ...(user
      ? [
          {
            text:
              root && root.taskCount > 0
                ? t("frame.workspaceTasks", { count: root.taskCount })
                : t("frame.workspace"),
            linkProps: { href: "/mon-espace" },
          },
          { text: t("frame.account"), linkProps: { href: "/compte" } },
        ]
      : []),
    ...(root?.canAdminister
      ? [{ text: t("frame.administration"), linkProps: { href: "/admin" } }]
      : []),
  ];
  return (
    <Header
      brandTop={republiqueFrancaise}
      homeLinkProps={{ href: "/", title: t("frame.homeTitle") }}
      serviceTitle="Portail AECT"
      serviceTagline={t("frame.tagline")}
      quickAccessItems={quickAccessItems}
      navigation={navigation}
      id="en-tete"
    />
  );
}
