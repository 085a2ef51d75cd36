import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ReactNode } from "react";
import {
  Links,
  Meta,
  Outlet,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { can, offeredTo } from "../src/platform/policy";
import type { Route } from "./+types/root";
import { SiteFooter } from "./platform/components/SiteFooter";
import { SiteHeader } from "./platform/components/SiteHeader";
import { appContext, requestContext } from "./context";
import { headerTaskCount } from "./platform/tasks.server";
import { sessionMiddleware } from "./middleware/session.server";
import { PageLanguageContext, useRouteLanguage } from "./platform/page-language";
import { portalTexts } from "../src/platform/i18n/portal-texts";

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const request = context.get(requestContext);
  const { actor } = request;
  const { db } = context.get(appContext);
  return {
    /** The header counts what waits for the person (Mon espace lists it). */
    taskCount: await headerTaskCount(db, actor),
    // Only the signed-in header has a form (signing out).
    csrfToken: actor.kind === "user" ? request.csrfToken : "",
    user:
      actor.kind === "user"
        ? {
            displayName: actor.displayName,
            email: actor.email,
            organisations: actor.memberships.map((m) => m.organisationName),
          }
        : null,
    canAdminister: can(actor, "admin:access"),
    canOfferPartnership: offeredTo(actor, "bourse:offer:create"),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: "/dsfr/dsfr.min.css" },
  { rel: "stylesheet", href: "/dsfr/utility/icons/icons.min.css" },
  { rel: "stylesheet", href: "/portail.css" },
  { rel: "icon", href: "/dsfr/favicon/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/dsfr/favicon/apple-touch-icon.png" },
];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<RootData>("root");
  const lang = useRouteLanguage();
  const t = portalTexts(lang);
  return (
    <html lang={lang} data-fr-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="format-detection" content="telephone=no" />
        <Meta />
        <Links />
      </head>
      <body>
        <PageLanguageContext.Provider value={lang}>
          <div className="fr-skiplinks">
            <nav className="fr-container" aria-label={t("frame.skipLinks")}>
              <ul className="fr-skiplinks__list">
                <li>
                  <a className="fr-link" href="#contenu">
                    {t("frame.skipContent")}
                  </a>
                </li>
                <li>
                  <a className="fr-link" href="#en-tete-main-navigation">
                    {t("frame.skipMenu")}
                  </a>
                </li>
                <li>
                  <a className="fr-link" href="#pied-de-page">
                    {t("frame.skipFooter")}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <SiteHeader root={root} />
          <main id="contenu" className={fr.cx("fr-container", "fr-py-6w")} tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </PageLanguageContext.Provider>
        {/* The DSFR's own script drives menus and modals; pages need no other script. */}
        <script type="module" src="/dsfr/dsfr.module.min.js" />
        <script noModule src="/dsfr/dsfr.nomodule.min.js" />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function meta({ error }: Route.MetaArgs) {
  // An error page writes its own title: a document has one.
  if (error) return [];
  return [{ title: "Portail de l'action extérieure des collectivités territoriales" }];
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Erreur inattendue";
  let message =
    "Une erreur est survenue de notre côté. Réessayez dans quelques instants ; si le problème persiste, contactez la DAECT.";
  if (isRouteErrorResponse(error)) {
    const known: Record<number, string> = {
      400: "Requête invalide",
      401: "Connexion requise",
      403: "Accès refusé",
      404: "Page non trouvée",
      405: "Action impossible sur cette page",
      409: "Conflit de modification",
      413: "Envoi trop volumineux",
      415: "Formulaire non reconnu",
      429: "Trop de tentatives",
      503: "Service momentanément surchargé",
    };
    title = known[error.status] ?? `Erreur ${error.status}`;
    // The router's own 405 text names the route's file: never shown.
    if (error.status === 405)
      message =
        "Cette page ne reçoit pas de formulaire : revenez à la page d'où vous veniez et réessayez.";
    else if (typeof error.data === "string" && error.data) message = error.data;
    else if (error.status === 404)
      message = "La page que vous cherchez n'existe pas ou a été déplacée.";
  }
  return (
    <div className={fr.cx("fr-my-4w")}>
      <title>{`${title} – Portail AECT`}</title>
      <h1>{title}</h1>
      <Alert severity="error" title={title} description={message} small={false} />
      <p className={fr.cx("fr-mt-4w")}>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/">
          Retour à l'accueil
        </a>
      </p>
    </div>
  );
}
