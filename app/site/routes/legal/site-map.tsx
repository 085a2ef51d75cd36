import { useRouteLoaderData } from "react-router";
import type { RootData } from "../../../root";

export const meta = () => [{ title: "Plan du site – Portail AECT" }];

export default function SiteMap() {
  const root = useRouteLoaderData<RootData>("root");
  return (
    <>
      <h1>Plan du site</h1>
      <ul>
        <li>
          <a href="/">Accueil</a>
        </li>
        <li>
          <a href="/atlas/projets">Atlas de la coopération décentralisée : rechercher un projet</a>
        </li>
        <li>
          <a href="/atlas/carte">Carte des projets (monde, régions, départements)</a>
        </li>
        <li>
          <a href="/atlas/statistiques">Statistiques de la coopération décentralisée</a>
        </li>
        <li>
          <a href="/apd">Aide publique au développement des collectivités (statistiques)</a>
        </li>
        <li>
          <a href="/bourse">Bourse-partenariats : demandes et offres de partenariat</a>
          <ul>
            <li>
              <a href="/bourse/demandes/nouvelle">Déposer une demande de partenariat</a>
            </li>
            {root?.canOfferPartnership ? (
              <li>
                <a href="/bourse/offres/nouvelle">
                  Proposer une offre de partenariat (collectivités françaises)
                </a>
              </li>
            ) : null}
            <li>
              <a href="/bourse/suivi">Recevoir un nouveau lien de suivi d'une demande</a>
            </li>
          </ul>
        </li>
        {root?.user ? (
          <li>
            <a href="/compte">Mon compte</a>
          </li>
        ) : (
          <li>
            <a href="/connexion">Se connecter</a>
            <ul>
              <li>
                <a href="/mot-de-passe/oubli">Mot de passe oublié</a>
              </li>
              <li>
                <a href="/inscription">Demander un accès</a>
              </li>
            </ul>
          </li>
        )}
        {root?.canAdminister ? (
          <li>
            <a href="/admin">Administration</a>
          </li>
        ) : null}
        <li>
          <a href="/accessibilite">Accessibilité</a>
        </li>
        <li>
          <a href="/mentions-legales">Mentions légales</a>
        </li>
        <li>
          <a href="/donnees-personnelles">Données personnelles</a>
        </li>
      </ul>
    </>
  );
}
