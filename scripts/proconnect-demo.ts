import { startProConnectProvider } from "./proconnect-provider";

/**
 * A local stand-in for ProConnect, to try the ProConnect button of the demo portal:
 *   npm run proconnect:demo        (then, in another terminal, the command it prints)
 * The identities are fictitious; the collectivités and their SIRET are real.
 */
const port = Number(process.env.PROCONNECT_DEMO_PORT ?? 4001);
const portalUrl = (process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/$/, "");

const provider = await startProConnectProvider(
  [
    {
      label: "Camille Martin-Exemple – Ville de Rennes (compte de démonstration existant)",
      sub: "demo-rennes",
      given_name: "Camille",
      usual_name: "Martin-Exemple",
      email: "agent-35238@example.org",
      uid: "demo-rennes",
      siret: "21350238800017",
    },
    {
      label: "Yann Le Goff-Exemple – Ville de Brest (pas encore de compte)",
      sub: "demo-brest",
      given_name: "Yann",
      usual_name: "Le Goff-Exemple",
      email: "yann.legoff-exemple@brest.example.org",
      uid: "demo-brest",
      siret: "21290019500012",
    },
  ],
  port,
);
provider.allowPortal(portalUrl);
console.log(`Fournisseur d'identité de test à l'écoute sur ${provider.issuer}`);
console.log("Lancez le portail avec :");
console.log(
  `  OIDC_ISSUER_URL=${provider.issuer} OIDC_CLIENT_ID=${provider.clientId} OIDC_CLIENT_SECRET=${provider.clientSecret} npm start`,
);
