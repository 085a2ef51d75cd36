import { eq, sql } from "drizzle-orm";
import { projectCountries } from "../../src/modules/atlas/schema";
import { rowsOf } from "../../src/platform/db/client";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/platform/auth/passwords";
import { memberships, organisations, users } from "../../src/platform/auth/schema";
import { FormClient } from "../support/browserless";
import { builders } from "../support/build";
import { portalForTestFile } from "../support/portal";
import { routePaths } from "../support/routes";

/**
 * Every route × every role × own/other scope, through real HTTP on the built served.portal.
 * The expected outcome of each cell is written out here, independently of the policy code.
 */
const ROLES = {
  visitor: null,
  "agent (administrateur)": "agent-35238@example.org",
  "agent (membre)": "membre-35238@example.org",
  autorite: "autorite-sn-1@example.org",
  ambassade: "ambassade-sn@example.org",
  prefecture: "prefecture-53@example.org",
  daect: "daect@example.org",
  operateur: "operateur-afd@example.org",
  reseau: "reseau-53@example.org",
} as const;
type RoleName = keyof typeof ROLES;

type Expectation = number | Partial<Record<RoleName | "others", number>>;

interface Case {
  pattern: string;
  method?: "GET" | "POST";
  scope?: "own" | "other";
  /** Query string appended to the path (filters of the public Atlas). */
  query?: string;
  expect: Expectation;
}

const SIGN_IN = 302; // visitors are sent to the sign-in page
const DAECT_ONLY = { visitor: SIGN_IN, daect: 200, others: 403 };
// Pages of a collectivité's own data: its agents (administrator or not) and the DAECT.
const OWN_COLLECTIVITE = {
  visitor: SIGN_IN,
  "agent (administrateur)": 200,
  "agent (membre)": 200,
  daect: 200,
  others: 403,
};
// Forms posted without their fields: whoever may act gets the form back with its errors.
const OWN_COLLECTIVITE_POST = {
  visitor: 401,
  "agent (administrateur)": 400,
  "agent (membre)": 400,
  daect: 400,
  others: 403,
};

const cases: Case[] = [
  { pattern: "/", expect: 200 },
  { pattern: "/healthz", expect: 200 },
  { pattern: "/connexion", expect: 200 },
  { pattern: "/deconnexion", expect: 302 },
  { pattern: "/deconnexion", method: "POST", expect: 302 },
  // ProConnect is not configured for these cases: its pages do not exist (tested with a
  // provider in proconnect.test.ts); the button's address is a form.
  { pattern: "/connexion/proconnect", expect: 302 },
  { pattern: "/connexion/proconnect", method: "POST", expect: 404 },
  { pattern: "/connexion/proconnect/retour", expect: 404 },
  { pattern: "/connexion/proconnect/lier", expect: 404 },
  { pattern: "/connexion/proconnect/lier", method: "POST", expect: 404 },
  { pattern: "/connexion/proconnect/lier/:token", expect: 404 },
  { pattern: "/connexion/proconnect/lier/:token", method: "POST", expect: 404 },
  { pattern: "/mot-de-passe/oubli", expect: 200 },
  // What was typed when a session ended: only for its browser and person, once signed in.
  { pattern: "/connexion/reprise/:token", expect: { visitor: SIGN_IN, others: 404 } },
  { pattern: "/mot-de-passe/nouveau/:token", expect: 410 },
  { pattern: "/invitation/:token", expect: 410 },
  { pattern: "/compte", expect: { visitor: SIGN_IN, others: 200 } },
  // The account's forms, sent without their fields: each person is told what is missing.
  { pattern: "/compte", method: "POST", expect: { visitor: 401, others: 400 } },
  { pattern: "/compte/donnees-personnelles", expect: { visitor: SIGN_IN, others: 200 } },
  { pattern: "/compte/fermer", expect: { visitor: SIGN_IN, others: 200 } },
  { pattern: "/compte/fermer", method: "POST", expect: { visitor: 401, others: 400 } },
  { pattern: "/compte/adresse/:token", expect: 404 },
  { pattern: "/compte/adresse/:token", method: "POST", expect: 404 },
  { pattern: "/mon-espace", expect: { visitor: SIGN_IN, others: 200 } },
  { pattern: "/mon-espace", method: "POST", expect: { visitor: 401, others: 400 } },
  // An extraction of the DAECT's account: nobody else may know it exists.
  {
    pattern: "/mon-espace/extractions/:extractionId",
    expect: { visitor: SIGN_IN, daect: 200, others: 404 },
  },
  {
    pattern: "/organisations/:organisationId/membres",
    scope: "own",
    expect: { visitor: SIGN_IN, others: 200 },
  },
  {
    pattern: "/organisations/:organisationId/membres",
    scope: "other",
    expect: { visitor: SIGN_IN, daect: 200, others: 403 },
  },
  {
    pattern: "/organisations/:organisationId/membres",
    method: "POST",
    scope: "own",
    expect: { visitor: 401, "agent (membre)": 403, others: 200 },
  },
  {
    pattern: "/organisations/:organisationId/membres",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 200, others: 403 },
  },
  { pattern: "/admin", expect: DAECT_ONLY },
  { pattern: "/admin/utilisateurs", expect: DAECT_ONLY },
  { pattern: "/admin/organisations", expect: DAECT_ONLY },
  { pattern: "/admin/courriels", expect: DAECT_ONLY },
  { pattern: "/admin/courriels/:mailId", expect: DAECT_ONLY },
  { pattern: "/admin/journal", expect: DAECT_ONLY },
  { pattern: "/admin/imports", expect: DAECT_ONLY },
  { pattern: "/admin/imports", method: "POST", expect: { visitor: 401, daect: 400, others: 403 } },
  { pattern: "/admin/imports/:importId", expect: DAECT_ONLY },
  { pattern: "/admin/campagnes", expect: DAECT_ONLY },
  {
    pattern: "/admin/campagnes",
    method: "POST",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/admin/campagnes/:campaignId", expect: DAECT_ONLY },
  // The campaign of the matrix is closed: a reminder is refused with its reason.
  {
    pattern: "/admin/campagnes/:campaignId",
    method: "POST",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/admin/imports/modeles/:kind/:format", expect: DAECT_ONLY },
  { pattern: "/admin/apd", expect: DAECT_ONLY },
  { pattern: "/admin/apd", method: "POST", expect: { visitor: 401, daect: 400, others: 403 } },
  { pattern: "/admin/apd/:apdCampaignId", expect: DAECT_ONLY },
  { pattern: "/admin/bourse", query: "statut=submitted", expect: DAECT_ONLY },
  // Opinions asked on several offers at once: none checked is explained.
  { pattern: "/admin/bourse", method: "POST", expect: { visitor: 401, daect: 400, others: 403 } },
  // The e-APD campaign of these cases is closed: closing it again is refused with its reason.
  {
    pattern: "/admin/apd/:apdCampaignId",
    method: "POST",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/apd", expect: 200 },
  { pattern: "/apd/statistiques.csv", query: "groupBy=region&year=2018", expect: 200 },
  { pattern: "/apd/modele-import/:format", expect: 200 },
  { pattern: "/apd/collectivites/:collectiviteId", scope: "own", expect: OWN_COLLECTIVITE },
  { pattern: "/apd/collectivites/:collectiviteId", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/apd/collectivites/:collectiviteId",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/apd/collectivites/:collectiviteId",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/apd/declarations/:declarationId", scope: "own", expect: OWN_COLLECTIVITE },
  { pattern: "/apd/declarations/:declarationId", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/apd/declarations/:declarationId",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/apd/declarations/:declarationId",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/apd/declarations/:declarationId/lignes/:lineId",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  {
    pattern: "/apd/declarations/:declarationId/lignes/:lineId",
    scope: "other",
    expect: DAECT_ONLY,
  },
  {
    pattern: "/apd/declarations/:declarationId/lignes/:lineId",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/apd/declarations/:declarationId/lignes/:lineId",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/apd/declarations/:declarationId/accuse-reception/:number",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  {
    pattern: "/apd/declarations/:declarationId/accuse-reception/:number",
    scope: "other",
    expect: DAECT_ONLY,
  },
  { pattern: "/api/v1/apd/totals", query: "groupBy=country&year=2018", expect: 200 },
  {
    pattern: "/api/v1/apd/export",
    query: "year=2018&format=crs",
    expect: { visitor: 401, daect: 200, others: 403 },
  },
  { pattern: "/atlas/projets", query: "q=eau&continent=Afrique", expect: 200 },
  { pattern: "/atlas/projets/:projectId", expect: 200 },
  { pattern: "/atlas/projets/:projectId/pdf", expect: 200 },
  { pattern: "/atlas/collectivites/:collectiviteId", expect: 200 },
  // Confirming the data for a campaign (none is open here: the agent is told so).
  {
    pattern: "/atlas/collectivites/:collectiviteId",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  // The Rennes project ("own") concerns Senegal; the other project neither Rennes, Brittany
  // nor Senegal.
  { pattern: "/atlas/projets/:projectId/modifier", scope: "own", expect: OWN_COLLECTIVITE },
  { pattern: "/atlas/projets/:projectId/modifier", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/atlas/projets/:projectId/modifier",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/projets/:projectId/modifier",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/projets/:projectId/historique",
    scope: "own",
    expect: { visitor: SIGN_IN, autorite: 403, others: 200 },
  },
  {
    pattern: "/atlas/projets/:projectId/historique",
    scope: "other",
    expect: { visitor: SIGN_IN, daect: 200, operateur: 200, others: 403 },
  },
  {
    pattern: "/atlas/projets/:projectId/completer",
    scope: "own",
    expect: {
      visitor: SIGN_IN,
      ambassade: 200,
      operateur: 200,
      reseau: 200,
      daect: 200,
      others: 403,
    },
  },
  {
    pattern: "/atlas/projets/:projectId/completer",
    scope: "other",
    expect: { visitor: SIGN_IN, operateur: 200, daect: 200, others: 403 },
  },
  {
    pattern: "/atlas/projets/:projectId/completer",
    method: "POST",
    scope: "own",
    expect: { visitor: 401, ambassade: 400, operateur: 400, reseau: 400, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/projets/:projectId/completer",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, operateur: 400, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/modifier",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  { pattern: "/atlas/collectivites/:collectiviteId/modifier", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/atlas/collectivites/:collectiviteId/modifier",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/modifier",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-projet",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-partenariat",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-partenariat",
    scope: "other",
    expect: DAECT_ONLY,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-partenariat",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-partenariat",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/partenariats/:partnershipId/modifier",
    scope: "own",
    expect: OWN_COLLECTIVITE,
  },
  { pattern: "/atlas/partenariats/:partnershipId/modifier", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/atlas/partenariats/:partnershipId/modifier",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/partenariats/:partnershipId/modifier",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-projet",
    scope: "other",
    expect: DAECT_ONLY,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-projet",
    method: "POST",
    scope: "own",
    expect: OWN_COLLECTIVITE_POST,
  },
  {
    pattern: "/atlas/collectivites/:collectiviteId/nouveau-projet",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/atlas/partenaires/:authorityId", expect: 200 },
  // A foreign authority edits its own fiche ("own": the autorite account's authority).
  {
    pattern: "/atlas/partenaires/:authorityId/modifier",
    scope: "own",
    expect: { visitor: SIGN_IN, autorite: 200, daect: 200, others: 403 },
  },
  { pattern: "/atlas/partenaires/:authorityId/modifier", scope: "other", expect: DAECT_ONLY },
  {
    pattern: "/atlas/partenaires/:authorityId/modifier",
    method: "POST",
    scope: "own",
    expect: { visitor: 401, autorite: 400, daect: 400, others: 403 },
  },
  {
    pattern: "/atlas/partenaires/:authorityId/modifier",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 403 },
  },
  { pattern: "/atlas/pays/:countryCode/contour.json", expect: 200 },
  { pattern: "/atlas/pays/:countryCode", expect: 200 },
  { pattern: "/atlas/regions/:code", expect: 200 },
  { pattern: "/atlas/departements/:code", expect: 200 },
  { pattern: "/atlas/statistiques", query: "groupBy=region", expect: 200 },
  { pattern: "/atlas/carte", query: "vue=regions&continent=Afrique", expect: 200 },
  { pattern: "/api/v1/stats/continents", expect: 200 },
  { pattern: "/api/v1/bourse/requests", query: "country=SN&theme=eau-assainissement", expect: 200 },
  { pattern: "/bourse", query: "continent=Afrique", expect: 200 },
  { pattern: "/bourse/demandes/nouvelle", query: "pays=SN", expect: 200 },
  {
    pattern: "/bourse/demandes/nouvelle",
    method: "POST",
    // Visitors use the public form; signed in, only foreign authorities and the DAECT write.
    expect: { visitor: 400, autorite: 400, daect: 400, others: 403 },
  },
  // "own": a request sent (not yet published) by autorite-sn-1's authority, in Senegal;
  // "other": one from Mali without an account. Unpublished requests are not found by others.
  {
    pattern: "/bourse/demandes/:requestId",
    scope: "own",
    expect: { autorite: 200, ambassade: 200, daect: 200, others: 404 },
  },
  { pattern: "/bourse/demandes/:requestId", scope: "other", expect: { daect: 200, others: 404 } },
  {
    pattern: "/bourse/demandes/:requestId",
    method: "POST",
    scope: "own",
    expect: { autorite: 400, ambassade: 400, daect: 400, others: 404 },
  },
  {
    pattern: "/bourse/demandes/:requestId",
    method: "POST",
    scope: "other",
    expect: { daect: 400, others: 404 },
  },
  {
    pattern: "/bourse/demandes/:requestId/pieces/:attachmentId",
    scope: "own",
    expect: { autorite: 200, ambassade: 200, daect: 200, others: 404 },
  },
  {
    pattern: "/bourse/demandes/:requestId/pieces/:attachmentId",
    scope: "other",
    expect: { daect: 200, others: 404 },
  },
  // "own": a published request Rennes answered, so its agents and the DAECT conclude it;
  // "other": the unpublished request from Mali.
  {
    pattern: "/bourse/demandes/:requestId/partenariat",
    scope: "own",
    expect: {
      visitor: SIGN_IN,
      "agent (administrateur)": 200,
      "agent (membre)": 200,
      daect: 200,
      others: 403,
    },
  },
  {
    pattern: "/bourse/demandes/:requestId/partenariat",
    scope: "other",
    expect: { daect: 403, others: 404 },
  },
  {
    pattern: "/bourse/demandes/:requestId/partenariat",
    method: "POST",
    scope: "own",
    expect: {
      visitor: 401,
      "agent (administrateur)": 400,
      "agent (membre)": 400,
      daect: 400,
      others: 403,
    },
  },
  {
    pattern: "/bourse/demandes/:requestId/partenariat",
    method: "POST",
    scope: "other",
    expect: { daect: 403, others: 404 },
  },
  // Anybody may ask for a new private link: an empty form is explained.
  { pattern: "/bourse/suivi", expect: 200 },
  { pattern: "/bourse/suivi", method: "POST", expect: 400 },
  { pattern: "/bourse/suivi/:token", expect: 404 },
  { pattern: "/bourse/suivi/:token", method: "POST", expect: 404 },
  { pattern: "/api/v1/bourse/stats", expect: 200 },
  // Offers are written by the agents of a French collectivité only.
  {
    pattern: "/bourse/offres/nouvelle",
    expect: {
      visitor: SIGN_IN,
      "agent (administrateur)": 200,
      "agent (membre)": 200,
      others: 403,
    },
  },
  {
    pattern: "/bourse/offres/nouvelle",
    method: "POST",
    expect: { visitor: 401, "agent (administrateur)": 400, "agent (membre)": 400, others: 403 },
  },
  // "own": Rennes's offer out for opinions to the prefecture of Bretagne and the embassy in
  // Senegal; "other": another collectivité's draft. Unpublished offers are not found by others.
  {
    pattern: "/bourse/offres/:offerId",
    scope: "own",
    expect: {
      "agent (administrateur)": 200,
      "agent (membre)": 200,
      ambassade: 200,
      prefecture: 200,
      daect: 200,
      others: 404,
    },
  },
  { pattern: "/bourse/offres/:offerId", scope: "other", expect: { daect: 200, others: 404 } },
  {
    pattern: "/bourse/offres/:offerId",
    method: "POST",
    scope: "own",
    expect: {
      "agent (administrateur)": 400,
      "agent (membre)": 400,
      ambassade: 400,
      prefecture: 400,
      daect: 400,
      others: 404,
    },
  },
  {
    pattern: "/bourse/offres/:offerId",
    method: "POST",
    scope: "other",
    expect: { daect: 400, others: 404 },
  },
  // An opinion's document: the DAECT, and the organisation that gave it (confidential: the
  // embassy consulted on the same offer does not read it); nobody else learns it exists.
  {
    pattern: "/avis/:consultationId/piece-jointe",
    scope: "own",
    expect: { prefecture: 200, daect: 200, others: 404 },
  },
  {
    pattern: "/avis/:consultationId/piece-jointe",
    scope: "other",
    expect: { daect: 200, others: 404 },
  },
  // Access requests: anybody asks; the mailed link of a request; its approvers decide —
  // "own": Rennes's organisation, whose administrator approves; "other": a collectivité of
  // Provence-Alpes-Côte d'Azur without member (the DAECT, or its prefecture).
  { pattern: "/inscription", expect: 200 },
  { pattern: "/inscription", method: "POST", expect: 400 },
  { pattern: "/inscription/organisation-absente", expect: 200 },
  { pattern: "/inscription/organisation-absente", method: "POST", expect: 400 },
  { pattern: "/inscription/confirmer/:token", expect: 404 },
  { pattern: "/inscription/confirmer/:token", method: "POST", expect: 404 },
  {
    pattern: "/demandes-acces/:requestId",
    scope: "own",
    expect: { visitor: SIGN_IN, "agent (administrateur)": 200, daect: 200, others: 404 },
  },
  {
    pattern: "/demandes-acces/:requestId",
    scope: "other",
    expect: { visitor: SIGN_IN, daect: 200, others: 404 },
  },
  {
    pattern: "/demandes-acces/:requestId",
    method: "POST",
    scope: "own",
    expect: { visitor: 401, "agent (administrateur)": 400, daect: 400, others: 404 },
  },
  {
    pattern: "/demandes-acces/:requestId",
    method: "POST",
    scope: "other",
    expect: { visitor: 401, daect: 400, others: 404 },
  },
  { pattern: "/api/v1/openapi.json", expect: 200 },
  { pattern: "/api/v1/collectivites", query: "region=53&limit=5", expect: 200 },
  { pattern: "/api/v1/foreign-authorities", query: "country=SN&limit=5", expect: 200 },
  { pattern: "/api/v1/partnerships", query: "country=SN&region=53", expect: 200 },
  { pattern: "/api/v1/stats", query: "groupBy=country&continent=Afrique", expect: 200 },
  { pattern: "/api/v1/projects", query: "country=SN&limit=5", expect: 200 },
  { pattern: "/api/v1/projects/export", query: "format=geojson&country=SN", expect: 200 },
  { pattern: "/accessibilite", expect: 200 },
  { pattern: "/mentions-legales", expect: 200 },
  { pattern: "/donnees-personnelles", expect: 200 },
  { pattern: "/plan-du-site", expect: 200 },
  { pattern: "*", expect: 404 },
];

function expected(entry: Case, role: RoleName): number {
  if (typeof entry.expect === "number") return entry.expect;
  return entry.expect[role] ?? entry.expect.others ?? Number.NaN;
}

const served = portalForTestFile();
const clients = new Map<RoleName, FormClient>();
const ownOrganisation = new Map<RoleName, number>();
let mailId = 0;
let importId = 0;
let campaignId = 0;
let extractionId = 0;
/** e-APD: a closed campaign, and declarations (each with one line and one version) for own/other. */
const apdIds = { campaign: 0, ownDeclaration: 0, otherDeclaration: 0, ownLine: 0, otherLine: 0 };
const bourseIds = {
  ownRequest: 0,
  otherRequest: 0,
  ownAttachment: 0,
  otherAttachment: 0,
  ownOffer: 0,
  otherOffer: 0,
  answeredRequest: 0,
  ownOpinion: 0,
  otherOpinion: 0,
};
/** Pending access requests: to Rennes (own) and to a collectivité with no member (other). */
const accessIds = { own: 0, other: 0 };
/** Atlas records of the Rennes agent's collectivité ("own") and of nobody's scope ("other"). */
const atlasIds = {
  ownProject: 0,
  otherProject: 0,
  ownCollectivite: 0,
  otherCollectivite: 0,
  ownPartnership: 0,
  otherPartnership: 0,
  ownAuthority: 0,
  otherAuthority: 0,
};

beforeAll(async () => {
  // A member of the Rennes organisation who is not its administrator.
  const [rennes] = await served.database.db
    .select()
    .from(organisations)
    .where(eq(organisations.unitId, "commune:35238"));
  const [member] = await served.database.db
    .insert(users)
    .values({
      email: ROLES["agent (membre)"],
      displayName: "Membre Exemple",
      passwordHash: await hashPassword("Demo-AECT-2026!"),
    })
    .returning();
  await served.database.db
    .insert(memberships)
    .values({ userId: member.id, organisationId: rennes.id, isAdmin: false });
  const { db } = served.database;
  const build = builders(db);
  mailId = (await build.mail()).id;
  extractionId = (await build.extraction(ROLES.daect)).id;
  campaignId = (await build.campaign({ status: "closed" })).id;
  importId = (await build.import()).id;
  const [ids] = rowsOf<{
    own_collectivite: number;
    own_project: number;
    other_project: number;
    other_collectivite: number;
    own_partnership: number;
    other_partnership: number;
    own_authority: number;
    other_authority: number;
  }>(
    await db.execute(sql`
      WITH rennes AS (SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'),
           other AS (
             SELECT p.id, p.lead_collectivite_id FROM atlas_projects p
               JOIN register_collectivites c ON c.id = p.lead_collectivite_id
              WHERE c.region_code <> '53'
                AND NOT EXISTS (SELECT 1 FROM atlas_project_countries pc
                                 WHERE pc.project_id = p.id AND pc.country_code = 'SN')
                AND NOT EXISTS (SELECT 1 FROM atlas_project_partnerships pp
                                  JOIN atlas_partnership_collectivites x ON x.partnership_id = pp.partnership_id
                                  JOIN register_collectivites xc ON xc.id = x.collectivite_id
                                 WHERE pp.project_id = p.id AND xc.region_code = '53')
              ORDER BY p.id LIMIT 1)
      SELECT (SELECT id FROM rennes) AS own_collectivite,
             (SELECT min(id) FROM atlas_projects WHERE lead_collectivite_id = (SELECT id FROM rennes)) AS own_project,
             (SELECT id FROM other) AS other_project,
             (SELECT lead_collectivite_id FROM other) AS other_collectivite,
             (SELECT min(partnership_id) FROM atlas_partnership_collectivites
               WHERE collectivite_id = (SELECT id FROM rennes)) AS own_partnership,
             (SELECT min(partnership_id) FROM atlas_partnership_collectivites
               WHERE collectivite_id = (SELECT lead_collectivite_id FROM other)) AS other_partnership,
             (SELECT fa.id FROM register_foreign_authorities fa JOIN memberships m ON m.organisation_id = fa.organisation_id
                JOIN users u ON u.id = m.user_id WHERE u.email = 'autorite-sn-1@example.org') AS own_authority,
             (SELECT min(id) FROM register_foreign_authorities WHERE organisation_id IS NULL) AS other_authority`),
  );
  Object.assign(atlasIds, {
    ownProject: ids.own_project,
    otherProject: ids.other_project,
    ownCollectivite: ids.own_collectivite,
    otherCollectivite: ids.other_collectivite,
    ownPartnership: ids.own_partnership,
    otherPartnership: ids.other_partnership,
    ownAuthority: ids.own_authority,
    otherAuthority: ids.other_authority,
  });
  await db
    .insert(projectCountries)
    .values({ projectId: atlasIds.ownProject, countryCode: "SN" })
    .onConflictDoNothing();
  // A closed campaign (the demo's 2018) for the administration; declarations sent in an
  // open one.
  const [closed] = rowsOf<{ id: number }>(
    await db.execute(sql`SELECT id FROM apd_campaigns WHERE year = 2018`),
  );
  apdIds.campaign = closed.id;
  const open = await build.apdCampaign({
    year: 2019,
    opensOn: "2020-05-01",
    closesOn: "2099-06-30",
  });
  for (const scope of ["own", "other"] as const) {
    const declaration = await build.declaration({
      status: "submitted",
      collectiviteId: scope === "own" ? atlasIds.ownCollectivite : atlasIds.otherCollectivite,
      campaign: open,
      withSentLine: true,
    });
    if (scope === "own")
      Object.assign(apdIds, { ownDeclaration: declaration.id, ownLine: declaration.lineId });
    else Object.assign(apdIds, { otherDeclaration: declaration.id, otherLine: declaration.lineId });
  }

  // "Own": a request of the Senegalese authority's account; "other": one from Mali.
  for (const scope of ["own", "other"] as const) {
    const request = await build.request({
      status: "submitted",
      ...(scope === "own"
        ? { countryCode: "SN", cityName: "Dakar", author: "autorite-sn-1@example.org" }
        : { countryCode: "ML", cityName: "Bamako" }),
    });
    const attachment = await build.attachment(request.id);
    if (scope === "own")
      Object.assign(bourseIds, { ownRequest: request.id, ownAttachment: attachment.id });
    else Object.assign(bourseIds, { otherRequest: request.id, otherAttachment: attachment.id });
  }
  // "Own": Rennes's offer out for opinions; "other": another collectivité's draft.
  bourseIds.ownOffer = (
    await build.offer({ status: "consultation", collectiviteId: atlasIds.ownCollectivite })
  ).id;
  bourseIds.otherOffer = (
    await build.offer({ status: "draft", collectiviteId: atlasIds.otherCollectivite })
  ).id;
  // A request in contact with Rennes, for the partnership form.
  const answered = await build.request({ status: "in_contact", cityName: "Thiès" });
  await build.interest(answered.id, atlasIds.ownCollectivite);
  bourseIds.answeredRequest = answered.id;
  // The prefecture of Bretagne answered on Rennes's offer (with a document, confidential);
  // the embassy in Senegal has not yet. "Other": an opinion of the embassy in Morocco.
  bourseIds.ownOpinion = (
    await build.opinion(bourseIds.ownOffer, "prefecture-53@example.org", { given: true })
  ).id;
  await build.opinion(bourseIds.ownOffer, "ambassade-sn@example.org");
  accessIds.own = (
    await build.accessRequest({ status: "pending", collectiviteId: atlasIds.ownCollectivite })
  ).id;
  accessIds.other = (await build.accessRequest({ status: "pending", regionCode: "93" })).id;
  bourseIds.otherOpinion = (
    await build.opinion(bourseIds.otherOffer, "ambassade-ma@example.org", { given: true })
  ).id;

  for (const [role, email] of Object.entries(ROLES) as [RoleName, string | null][]) {
    const client = new FormClient(served.portal.baseUrl);
    if (email) {
      await client.signIn(email);
      const [row] = await served.database.db
        .select({ organisationId: memberships.organisationId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(users.email, email));
      ownOrganisation.set(role, row.organisationId);
    } else {
      await client.get("/");
    }
    clients.set(role, client);
  }
});

describe("authorisation matrix", () => {
  it("covers every route of the portal", () => {
    const covered = new Set(cases.map((entry) => entry.pattern));
    const missing = routePaths().filter((path) => !covered.has(path));
    expect(missing).toEqual([]);
  });

  const otherOrganisationFor = (role: RoleName) =>
    role === "agent (administrateur)" || role === "agent (membre)"
      ? ownOrganisation.get("ambassade")!
      : ownOrganisation.get("agent (administrateur)")!;

  for (const entry of cases) {
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const label = `${entry.method ?? "GET"} ${entry.pattern}${entry.scope ? ` (${entry.scope})` : ""} as ${role}`;
      it(label, async () => {
        const client = clients.get(role)!;
        const organisationId =
          entry.scope === "own"
            ? (ownOrganisation.get(role) ?? ownOrganisation.get("agent (administrateur)")!)
            : otherOrganisationFor(role);
        const path = entry.pattern
          .replace(":organisationId", String(organisationId))
          .replace(":token", "jeton-inconnu")
          .replace(":mailId", String(mailId))
          .replace(
            ":partnershipId",
            String(entry.scope === "own" ? atlasIds.ownPartnership : atlasIds.otherPartnership),
          )
          .replace(":importId", String(importId))
          .replace(":apdCampaignId", String(apdIds.campaign))
          .replace(
            ":declarationId",
            String(entry.scope === "own" ? apdIds.ownDeclaration : apdIds.otherDeclaration),
          )
          .replace(":lineId", String(entry.scope === "own" ? apdIds.ownLine : apdIds.otherLine))
          .replace(
            ":requestId",
            String(
              entry.pattern.startsWith("/demandes-acces")
                ? entry.scope === "own"
                  ? accessIds.own
                  : accessIds.other
                : entry.scope === "own"
                  ? entry.pattern.endsWith("/partenariat")
                    ? bourseIds.answeredRequest
                    : bourseIds.ownRequest
                  : bourseIds.otherRequest,
            ),
          )
          .replace(
            ":offerId",
            String(entry.scope === "own" ? bourseIds.ownOffer : bourseIds.otherOffer),
          )
          .replace(
            ":consultationId",
            String(entry.scope === "own" ? bourseIds.ownOpinion : bourseIds.otherOpinion),
          )
          .replace(
            ":attachmentId",
            String(entry.scope === "own" ? bourseIds.ownAttachment : bourseIds.otherAttachment),
          )
          .replace(":number", "1")
          .replace(":campaignId", String(campaignId))
          .replace(":extractionId", String(extractionId))
          .replace(":kind", "projects")
          .replace(":format", "xlsx")
          .replace(
            ":projectId",
            String(
              !entry.scope
                ? 1
                : entry.scope === "own"
                  ? atlasIds.ownProject
                  : atlasIds.otherProject,
            ),
          )
          .replace(
            ":collectiviteId",
            String(
              !entry.scope
                ? 1
                : entry.scope === "own"
                  ? atlasIds.ownCollectivite
                  : atlasIds.otherCollectivite,
            ),
          )
          .replace(
            ":authorityId",
            String(
              !entry.scope
                ? 1
                : entry.scope === "own"
                  ? atlasIds.ownAuthority
                  : atlasIds.otherAuthority,
            ),
          )
          .replace(":countryCode", "SN")
          .replace(":code", entry.pattern.includes("regions") ? "53" : "35")
          .replace("*", "/page-qui-n-existe-pas")
          .concat(entry.query ? `?${entry.query}` : "");
        let status: number;
        if (entry.method === "POST") {
          // A page every role may open, for the CSRF token of the form.
          await client.get(
            /^\/(organisations|atlas|admin|apd|bourse|connexion\/proconnect)/.test(path)
              ? "/"
              : path,
          );
          const email = `invite-${role.replace(/\W/g, "")}-${entry.scope}@example.org`;
          const response = await client.post(path, { email });
          status = response.status;
          // Signing out ends the session: sign in again for the next cases.
          if (entry.pattern === "/deconnexion" && ROLES[role]) await client.signIn(ROLES[role]!);
        } else {
          const response = await client.get(path);
          status = response.status;
          // Signing out and the ProConnect button's address redirect elsewhere than sign-in.
          const elsewhere = ["/deconnexion", "/connexion/proconnect"].includes(path);
          if (status === 302 && expected(entry, role) === SIGN_IN && !elsewhere) {
            expect(response.location).toMatch(/^\/connexion\?retour=/);
          }
        }
        expect(status).toBe(expected(entry, role));
      });
    }
  }
});
