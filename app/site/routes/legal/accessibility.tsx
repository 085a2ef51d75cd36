export const meta = () => [{ title: "Déclaration d'accessibilité – Portail AECT" }];

export default function Accessibility() {
  return (
    <>
      <h1>Déclaration d'accessibilité</h1>
      <p>
        Le ministère de l'Europe et des Affaires étrangères s'engage à rendre le Portail AECT
        accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le Portail AECT est <strong>non conforme</strong> au référentiel général d'amélioration de
        l'accessibilité (RGAA) version 4.1 : aucun audit n'a encore été réalisé. Les pages sont
        construites avec le système de design de l'État et vérifiées automatiquement à chaque
        évolution.
      </p>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à la DAECT pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une
        fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une
        réponse de notre part, vous êtes en droit de faire parvenir vos doléances au Défenseur des
        droits.
      </p>
    </>
  );
}
