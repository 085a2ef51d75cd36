import {
  AUDITED_PAGES,
  AUDIT_DATE,
  RGAA_GRID,
  RGAA_VERSION,
  type RgaaResult,
} from "../../../../src/platform/accessibility/rgaa-grid";
import {
  COMPLIANCE_IN_FRENCH,
  publishedAudit,
} from "../../../../src/platform/accessibility/statement";
import { countOf, formatDate } from "../../../platform/format";

export const meta = () => [{ title: "Déclaration d'accessibilité – Portail AECT" }];

const RESULT_WORDS: Record<RgaaResult, string> = {
  C: "Conforme",
  NC: "Non conforme",
  NA: "Non applicable",
};

export default function Accessibility() {
  const summary = publishedAudit;
  const status = COMPLIANCE_IN_FRENCH[summary.compliance];
  const auditedOn = formatDate(AUDIT_DATE, "longDate");
  return (
    <>
      <h1>Déclaration d'accessibilité</h1>
      <p>
        Le ministère de l'Europe et des Affaires étrangères s'engage à rendre le Portail AECT
        accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette
        déclaration d'accessibilité s'applique à l'ensemble du Portail AECT.
      </p>
      <h2>État de conformité</h2>
      <p>
        {`Le Portail AECT est `}
        <strong>{status}</strong>
        {` avec le référentiel général d'amélioration de l'accessibilité (RGAA), version ${RGAA_VERSION}`}
        {summary.nonConformant.length > 0
          ? ", en raison des non-conformités énumérées ci-dessous."
          : "."}
      </p>
      <h2>Résultats des tests</h2>
      <p>
        {`L'audit de conformité réalisé le ${auditedOn} par l'équipe du portail révèle que `}
        <strong>{`${summary.rate.toLocaleString("fr-FR")}\u00a0% des critères`}</strong>
        {` applicables du RGAA version ${RGAA_VERSION} sont respectés.`}
      </p>
      <ul>
        <li>{`${countOf(summary.criteria, "critère", "critères", "m")} examinés ;`}</li>
        <li>
          {`${countOf(summary.applicable, "critère applicable", "critères applicables", "m")}, dont ${countOf(summary.conformant, "respecté", "respectés", "m")} ;`}
        </li>
        <li>
          {`${countOf(summary.notApplicable, "critère non applicable", "critères non applicables", "m")} (aucun son, aucune vidéo, aucun cadre, aucun CAPTCHA).`}
        </li>
      </ul>
      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      {summary.nonConformant.length === 0 ? (
        <p>Aucune non-conformité n'a été relevée sur les pages de l'échantillon.</p>
      ) : (
        <ul>
          {summary.nonConformant.map((criterion) => (
            <li key={criterion.id}>
              {`Critère ${criterion.id} (${criterion.title}) : ${criterion.note}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Aucun.</p>
      <h2>Établissement de cette déclaration</h2>
      <p>{`Cette déclaration a été établie le ${auditedOn}.`}</p>
      <h3>Technologies utilisées pour la réalisation du portail</h3>
      <ul>
        <li>HTML5 et SVG, produits par le serveur ;</li>
        <li>CSS, du système de design de l'État (DSFR) ;</li>
        <li>JavaScript, en amélioration progressive : chaque page fonctionne sans lui.</li>
      </ul>
      <h3>Environnement de test</h3>
      <ul>
        <li>Navigateur Chromium, à la souris et au clavier seul ;</li>
        <li>Affichage sur téléphone (320 pixels de large) et sur grand écran ;</li>
        <li>Navigateur sans JavaScript.</li>
      </ul>
      <h3>Outils pour évaluer l'accessibilité</h3>
      <ul>
        <li>axe-core, lancé par les tests de navigateur à chaque évolution ;</li>
        <li>
          analyse du code de chaque page du portail de démonstration (document, langue, titre,
          titres, étiquettes, liens d'évitement, identifiants) à chaque évolution ;
        </li>
        <li>revue manuelle des critères qu'aucun outil ne peut juger.</li>
      </ul>
      <h3>Pages du site ayant fait l'objet de la vérification de conformité</h3>
      <ol>
        {AUDITED_PAGES.map((page) => (
          <li key={page.path}>
            <a href={page.path}>{page.title}</a>
          </li>
        ))}
      </ol>
      <h2>Grille d'audit</h2>
      <p>Le résultat de chaque critère, thématique par thématique.</p>
      {RGAA_GRID.map((theme) => (
        <details key={theme.number} className="fr-mb-2w">
          <summary>{`${theme.number}. ${theme.name} (${countOf(theme.criteria.length, "critère", "critères", "m")})`}</summary>
          <div className="fr-table">
            <table>
              <caption className="fr-sr-only">{`Critères de la thématique ${theme.name}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Critère</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Intitulé</th>
                  <th scope="col">Résultat</th>
                  <th scope="col">Vérification</th>
                </tr>
              </thead>
              <tbody>
                {theme.criteria.map((criterion) => (
                  <tr key={criterion.id}>
                    <th scope="row">{criterion.id}</th>
                    <td>{criterion.level}</td>
                    <td>{criterion.title}</td>
                    <td>{RESULT_WORDS[criterion.result]}</td>
                    <td>{criterion.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à la DAECT (ministère
        de l'Europe et des Affaires étrangères, 57 boulevard des Invalides, 75007 Paris) pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une
        fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une
        réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de
        saisine au Défenseur des droits :
      </p>
      <ul>
        <li>par le formulaire en ligne du Défenseur des droits ;</li>
        <li>en contactant le délégué du Défenseur des droits dans votre région ;</li>
        <li>
          par courrier (gratuit, sans affranchissement) : Défenseur des droits, Libre réponse 71120,
          75342 Paris CEDEX 07.
        </li>
      </ul>
    </>
  );
}
