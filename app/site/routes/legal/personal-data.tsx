export const meta = () => [{ title: "Données personnelles – Portail AECT" }];

export default function PersonalData() {
  return (
    <>
      <h1>Données personnelles</h1>
      <p>
        Le Portail AECT traite les données des agents des collectivités, des services de l'État et
        des autorités partenaires qui disposent d'un compte : nom, adresse électronique, fonction et
        organisation d'appartenance. Ces données servent uniquement à la gestion des comptes, à
        l'envoi des courriels du service et à la traçabilité des modifications.
      </p>
      <h2>Cookies</h2>
      <p>
        Le portail dépose uniquement deux cookies strictement nécessaires : le cookie de session
        (après connexion) et un cookie de sécurité contre la falsification des formulaires. Aucun
        cookie de mesure d'audience ni de publicité n'est utilisé.
      </p>
      <p>
        Quand une session prend fin pendant la saisie d'un formulaire, ce qui a été saisi (jamais un
        mot de passe ni un fichier) est gardé une heure au plus, pour ce navigateur et cette
        personne, afin d'être envoyé de nouveau après la reconnexion ; il est ensuite effacé.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d'un droit d'accès, de rectification et d'effacement de vos données, à exercer
        auprès du délégué à la protection des données du ministère de l'Europe et des Affaires
        étrangères.
      </p>
    </>
  );
}
