export const meta = () => [{ title: "Mentions légales – Portail AECT" }];

export default function LegalNotice() {
  return (
    <>
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Ministère de l'Europe et des Affaires étrangères – Direction générale de la mondialisation –
        Délégation pour l'action extérieure des collectivités territoriales (DAECT), 57 boulevard
        des Invalides, 75007 Paris.
      </p>
      <h2>Données de démonstration</h2>
      <p>
        Les personnes, adresses électroniques et projets présentés dans la version de démonstration
        sont fictifs. Les collectivités, pays et villes sont réels ; les partenariats et montants
        sont simulés à partir des chiffres publiés par la DAECT.
      </p>
      <h2>Licence des contenus</h2>
      <p>Les données ouvertes du portail sont publiées sous licence ouverte Etalab 2.0.</p>
    </>
  );
}
