import { sql } from "drizzle-orm";
import { bourseInterests, bourseOffers, bourseRequests } from "../modules/bourse/schema";
import { consultations } from "../platform/consultation/schema";
import { insertInChunks } from "../platform/db/bulk";
import { type Tx, rowsOf } from "../platform/db/client";
import { Random } from "./random";
import { fictitiousPerson, requestText, requestThemes } from "./texts";
import { foreignRequestText } from "./foreign-request-texts";
import { ofPlace } from "../platform/french/place-names";

/** The published Bourse (seed 002): 137 requests from 109 foreign authorities in 34 countries. */
const PUBLISHED_REQUESTS = 137;
const AUTHORITIES = 109;
const COUNTRIES = 34;
/** Countries of the demo embassy accounts, so that each has requests to follow. */
const ALWAYS = ["SN", "MA", "MG"];

const DAY = 86_400_000;
const SPANISH = new Set(["Amérique du Sud", "Amérique centrale et Caraïbes"]);
const FRENCH_SPEAKING = new Set([
  "SN",
  "MA",
  "MG",
  "ML",
  "BF",
  "NE",
  "TN",
  "DZ",
  "BJ",
  "TG",
  "CI",
  "CM",
  "GN",
  "HT",
  "CD",
  "CG",
  "GA",
  "TD",
  "CF",
  "MR",
  "DJ",
  "KM",
  "BI",
  "RW",
  "LB",
  "VN",
  "LA",
  "KH",
]);

type RequestRow = typeof bourseRequests.$inferInsert;

/**
 * The Bourse of the demo: published requests matching the published figures (mostly from
 * countries with few French cooperations), others at every step of their workflow, the
 * collectivités that answered, and offers from French collectivités at every step with
 * their opinions. Fixed size: the Bourse is small whatever the scale.
 */
export async function insertBourseDemo(tx: Tx, seed: number, now = new Date()) {
  const random = new Random(seed + 505);
  const countries = rowsOf<{ code: string; continent: string; partnerships: number }>(
    await tx.execute(sql`
      SELECT rc.code, rc.continent, count(DISTINCT pa.partnership_id)::int AS partnerships
        FROM ref_countries rc
        LEFT JOIN register_foreign_authorities a ON a.country_code = rc.code
        LEFT JOIN atlas_partnership_foreign_authorities pa ON pa.foreign_authority_id = a.id
       WHERE rc.dac_category IS NOT NULL
         AND (SELECT count(*) FROM ref_cities c WHERE c.country_code = rc.code) >= 6
       GROUP BY rc.code, rc.continent
       ORDER BY partnerships, rc.code`),
  );
  // Mostly countries where French collectivités are few, and the demo embassies' countries.
  const chosen = [
    ...countries.filter((country) => ALWAYS.includes(country.code)),
    ...countries
      .filter((country) => !ALWAYS.includes(country.code))
      .slice(0, COUNTRIES - ALWAYS.length),
  ];
  const cities = new Map<
    string,
    { id: number; name: string; latitude: number; longitude: number }[]
  >();
  for (const country of chosen)
    cities.set(
      country.code,
      rowsOf(
        await tx.execute(sql`
          SELECT id, name, latitude, longitude FROM ref_cities
           WHERE country_code = ${country.code} ORDER BY population DESC LIMIT 8`),
      ),
    );
  const authorityAccounts = rowsOf<{ id: number; name: string; country_code: string }>(
    await tx.execute(sql`
      SELECT id, name, country_code FROM organisations
       WHERE kind = 'foreign_authority' ORDER BY id`),
  );

  // 109 authorities: every country has at least one, the rest where cities allow.
  const authorities: {
    country: (typeof chosen)[number];
    city: { id: number; name: string; latitude: number; longitude: number };
    name: string;
    organisationId: number | null;
  }[] = [];
  const used = new Map<string, number>();
  for (let n = 0; n < AUTHORITIES; n += 1) {
    const country = n < chosen.length ? chosen[n] : random.pick(chosen);
    const list = cities.get(country.code) ?? [];
    const index = used.get(country.code) ?? 0;
    if (index >= list.length) {
      n -= 1;
      continue;
    }
    used.set(country.code, index + 1);
    const city = list[index];
    const account = authorityAccounts.find(
      (row) => row.country_code === country.code && index === 0,
    );
    authorities.push({
      country,
      city,
      name: account?.name ?? `Municipalité ${ofPlace(city.name, null)}`,
      organisationId: account?.id ?? null,
    });
  }

  const requestFor = (authority: (typeof authorities)[number], n: number): RequestRow => {
    const theme = random.pick(requestThemes);
    const french = requestText(random, theme, authority.city.name);
    const languages = FRENCH_SPEAKING.has(authority.country.code)
      ? ["fr"]
      : SPANISH.has(authority.country.continent)
        ? ["es", "fr"]
        : ["en", "fr"];
    // Authorities of English- and Spanish-speaking countries write in their language.
    const written = languages[0];
    const text =
      written === "en" || written === "es"
        ? foreignRequestText(random, written, theme, authority.city.name)
        : french;
    const person = fictitiousPerson(random);
    return {
      status: "published",
      authorOrganisationId: authority.organisationId,
      authorityName: authority.name,
      authorityKind: "municipality",
      countryCode: authority.country.code,
      cityId: authority.city.id,
      cityName: authority.city.name,
      latitude: authority.city.latitude,
      longitude: authority.city.longitude,
      contactName: person,
      contactFunction: random.pick([
        "Secrétaire général(e)",
        "Chargé(e) de coopération",
        "Adjoint(e) au maire",
      ]),
      contactEmail: `cooperation-${n + 1}@municipalite.example.org`,
      title: text.title,
      description: text.description,
      themes: [theme],
      partnerKind: random.pick(["any", "commune", "commune", "epci", "departement"]),
      partnerSize: random.pick(["any", "small", "medium", "large"]),
      expertise: "",
      budgetCents: random.int(20, 600) * 1_000_00,
      languages,
      formLanguage: languages[0] === "fr" ? "fr" : languages[0],
      emailVerifiedAt: now,
    };
  };

  // Published requests: one per authority, then a second for 28 of them.
  const rows: RequestRow[] = [];
  for (let n = 0; n < PUBLISHED_REQUESTS; n += 1) {
    const authority =
      n < authorities.length ? authorities[n] : authorities[(n * 7) % authorities.length];
    const row = requestFor(authority, n);
    const publishedAt = new Date(now.getTime() - random.int(5, 345) * DAY);
    const expiresAt = new Date(publishedAt);
    expiresAt.setUTCMonth(expiresAt.getUTCMonth() + 12);
    rows.push({
      ...row,
      status: n % 9 === 4 ? "in_contact" : n % 23 === 11 ? "matched" : "published",
      submittedAt: new Date(publishedAt.getTime() - random.int(3, 20) * DAY),
      publishedAt,
      expiresAt,
      triagedByLabel: "Ambassade de France – service de coopération",
      createdAt: new Date(publishedAt.getTime() - 25 * DAY),
      updatedAt: publishedAt,
    });
  }
  // Requests at the other steps (not counted in the published figures).
  const others: [RequestRow["status"], number][] = [
    ["draft", 2],
    ["submitted", 6],
    ["under_review", 3],
    ["declined", 3],
    ["closed", 4],
  ];
  let extra = PUBLISHED_REQUESTS;
  for (const [status, howMany] of others)
    for (let i = 0; i < howMany; i += 1) {
      const authority = authorities[(extra * 5) % authorities.length];
      const row = requestFor(authority, extra);
      extra += 1;
      const submittedAt = new Date(now.getTime() - random.int(2, 60) * DAY);
      rows.push({
        ...row,
        status,
        emailVerifiedAt: status === "draft" ? null : now,
        submittedAt: status === "draft" ? null : submittedAt,
        infoRequest:
          status === "under_review"
            ? "Précisez le budget prévisionnel et les cofinancements déjà obtenus."
            : "",
        declineReason:
          status === "declined"
            ? "Le projet relève d'une coopération d'État à État plutôt que d'un partenariat entre collectivités."
            : "",
        closedAt: status === "closed" ? submittedAt : null,
        closedReason: status === "closed" ? "Expirée après douze mois de publication" : "",
        createdAt: new Date(submittedAt.getTime() - 3 * DAY),
        updatedAt: submittedAt,
      });
    }
  const inserted = await tx.insert(bourseRequests).values(rows).returning({
    id: bourseRequests.id,
    status: bourseRequests.status,
    countryCode: bourseRequests.countryCode,
    publishedAt: bourseRequests.publishedAt,
  });

  // The collectivités that answered: partners in the same country when there are some.
  const collectivites = rowsOf<{ id: number; name: string; country_code: string | null }>(
    await tx.execute(sql`
      SELECT DISTINCT ON (c.id) c.id, c.name, a.country_code
        FROM register_collectivites c
        LEFT JOIN atlas_partnership_collectivites pc ON pc.collectivite_id = c.id
        LEFT JOIN atlas_partnership_foreign_authorities pa ON pa.partnership_id = pc.partnership_id
        LEFT JOIN register_foreign_authorities a ON a.id = pa.foreign_authority_id
       WHERE c.kind IN ('commune', 'departement', 'region') AND c.id <= 4000
       ORDER BY c.id`),
  );
  const interests: (typeof bourseInterests.$inferInsert)[] = [];
  const matched: { id: number; collectiviteId: number }[] = [];
  for (const request of inserted.filter(
    (row) => row.status === "in_contact" || row.status === "matched",
  )) {
    const near = collectivites.filter((row) => row.country_code === request.countryCode);
    const answering = random.pick(near.length > 0 ? near : collectivites);
    interests.push({
      requestId: request.id,
      collectiviteId: answering.id,
      contactName: fictitiousPerson(random),
      contactEmail: `relations-internationales-${answering.id}@example.org`,
      message:
        "Notre collectivité a une expérience proche et serait heureuse d'échanger avec vous.",
      createdAt: new Date((request.publishedAt ?? now).getTime() + random.int(3, 40) * DAY),
    });
    if (request.status === "matched")
      matched.push({ id: request.id, collectiviteId: answering.id });
  }
  await insertInChunks(tx, bourseInterests, interests);
  for (const { id, collectiviteId } of matched)
    await tx.execute(
      sql`UPDATE bourse_requests SET matched_collectivite_id = ${collectiviteId} WHERE id = ${id}`,
    );

  await insertOfferDemo(tx, random, now);
}

const OFFERS: [string, string, string[], string[]][] = [
  [
    "Appui à la gestion des déchets ménagers",
    "dechets",
    ["SN", "MA"],
    ["draft", "submitted", "consultation"],
  ],
  ["Formation des agents d'état civil", "gouvernance", ["MG", "BJ"], ["consultation", "published"]],
  [
    "Accueil de jeunes en service civique de réciprocité",
    "jeunesse-formation",
    ["SN", "TN"],
    ["published", "not_published"],
  ],
  [
    "Expertise en gestion de l'eau potable",
    "eau-assainissement",
    ["BF", "ML"],
    ["published", "submitted"],
  ],
  ["Développement du tourisme rural", "tourisme", ["MA", "VN"], ["consultation", "closed"]],
  ["Énergie solaire pour les équipements publics", "energie", ["MG", "SN"], ["draft", "published"]],
];

/** Offers from French collectivités at every step, with opinions given or awaited. */
async function insertOfferDemo(tx: Tx, random: Random, now: Date) {
  const offerers = rowsOf<{ id: number; name: string; region_code: string | null }>(
    await tx.execute(sql`
      SELECT c.id, c.name, c.region_code FROM register_collectivites c
       WHERE c.unit_id = 'commune:35238' OR c.kind IN ('region', 'departement')
       ORDER BY (c.unit_id = 'commune:35238') DESC, c.id LIMIT 12`),
  );
  let n = 0;
  for (const [title, theme, countries, statuses] of OFFERS)
    for (const status of statuses) {
      const collectivite = offerers[n % offerers.length];
      n += 1;
      const submittedAt = new Date(now.getTime() - random.int(10, 80) * DAY);
      const dueOn = new Date(
        now.getTime() + (status === "consultation" ? random.int(-5, 20) : -30) * DAY,
      )
        .toISOString()
        .slice(0, 10);
      const decided = status === "published" || status === "not_published";
      const [offer] = await tx
        .insert(bourseOffers)
        .values({
          status: status as "draft",
          collectiviteId: collectivite.id,
          title,
          summary: `${collectivite.name} propose son expertise : ${title.toLowerCase()}. Ses services accueillent des agents en formation, envoient des missions d'appui et partagent leurs outils, sur deux à trois ans.`,
          themes: [theme],
          countryCodes: countries,
          experience: `${collectivite.name} conduit des coopérations décentralisées depuis plus de dix ans.`,
          contactName: fictitiousPerson(random),
          contactEmail: `relations-internationales-${collectivite.id}@example.org`,
          submittedAt: status === "draft" ? null : submittedAt,
          opinionsDueOn: status === "draft" || status === "submitted" ? null : dueOn,
          decidedAt: decided ? new Date(submittedAt.getTime() + 40 * DAY) : null,
          decidedByLabel: decided ? "DAECT – bureau de la coopération décentralisée" : null,
          decisionComment:
            status === "not_published"
              ? "Les avis de l'ambassade recommandent d'attendre la fin du programme national en cours."
              : "",
          publishedAt: status === "published" ? new Date(submittedAt.getTime() + 40 * DAY) : null,
          expiresAt: status === "published" ? new Date(submittedAt.getTime() + 405 * DAY) : null,
          closedAt: status === "closed" ? submittedAt : null,
        })
        .returning({ id: bourseOffers.id });
      if (status === "draft" || status === "submitted") continue;
      const asked = rowsOf<{ id: number; kind: string }>(
        await tx.execute(sql`
          SELECT id, kind FROM organisations
           WHERE (kind = 'prefecture' AND region_code = ${collectivite.region_code ?? ""})
              OR (kind = 'embassy' AND country_code IN (${sql.join(
                countries.map((code) => sql`${code}`),
                sql`, `,
              )}))`),
      );
      const [daect] = rowsOf<{ id: number }>(
        await tx.execute(
          sql`SELECT id FROM organisations WHERE kind = 'daect' ORDER BY id LIMIT 1`,
        ),
      );
      const requestedAt = new Date(submittedAt.getTime() + 2 * DAY);
      // Once decided or closed, the offer's consultation takes no more answers.
      const closedAt =
        status === "consultation" ? null : new Date(submittedAt.getTime() + 40 * DAY);
      await insertInChunks(
        tx,
        consultations,
        asked.map((organisation, i) => {
          // Under consultation, the last organisation asked has not answered yet.
          const given = status !== "consultation" || i < asked.length - 1;
          const draw = random.next();
          return {
            subjectType: "bourse_offer",
            subjectId: offer.id,
            organisationId: organisation.id,
            askedByOrganisationId: daect?.id ?? null,
            visibility: n % 3 === 0 ? ("shared" as const) : ("confidential" as const),
            dueOn,
            verdict: given
              ? draw < 0.6
                ? ("favourable" as const)
                : draw < 0.85
                  ? ("favourable_with_reservations" as const)
                  : ("unfavourable" as const)
              : null,
            reasoning: given
              ? organisation.kind === "prefecture"
                ? "La collectivité a l'expérience et les moyens de ce partenariat ; avis conforme à la stratégie régionale."
                : "Le projet répond à un besoin identifié par le poste et complète les programmes en cours."
              : "",
            givenAt: given ? new Date(submittedAt.getTime() + 15 * DAY) : null,
            givenByLabel: given ? `${fictitiousPerson(random)} (démonstration)` : null,
            requestedAt,
            closedAt,
          };
        }),
      );
    }
}
