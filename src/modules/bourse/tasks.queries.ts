import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parisDay } from "../../platform/french-format";
import { EXPIRY_REMINDER_DAYS } from "./codes";

/** Something waiting for the reader in the Bourse, with the page where it is done. */
export interface BourseTask {
  /** What is to be done, in a few words ("Examiner la demande"). */
  action: string;
  title: string;
  href: string;
  /** Who it concerns, or the state it is in. */
  detail: string;
  /** The date it is due by, when there is one (YYYY-MM-DD). */
  dueOn: string | null;
}

interface TaskRow {
  id: number;
  title: string;
  detail: string;
  due_on: string | null;
}

const orgIds = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

async function tasks(
  q: Queryable,
  query: SQL,
  action: string,
  href: (id: number) => string,
): Promise<BourseTask[]> {
  return rowsOf<TaskRow>(await q.execute(query)).map((row) => ({
    action,
    title: row.title,
    href: href(row.id),
    detail: row.detail,
    dueOn: row.due_on,
  }));
}

const requestHref = (id: number) => `/bourse/demandes/${id}`;
const offerHref = (id: number) => `/bourse/offres/${id}`;

/**
 * The Bourse's pending tasks of a signed-in reader, by role: the embassy triages its
 * country's requests and gives its opinions; the prefecture gives its opinions; the DAECT
 * triages, asks opinions and decides; a foreign authority completes and renews its
 * requests; a collectivité sends its offers and records the partnerships it agreed.
 */
export async function bourseTasks(q: Queryable, actor: Actor, now = new Date()) {
  if (actor.kind !== "user") return [];
  const today = parisDay(now);
  const soon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000).toISOString();
  const found: BourseTask[] = [];
  const of = (role: string) => actor.memberships.filter((m) => m.role === role);
  const daect = of("daect").length > 0;
  const embassyCountries = of("ambassade")
    .map((m) => m.countryCode)
    .filter((code): code is string => code !== null);
  const opinionOrgs = [...of("ambassade"), ...of("prefecture")].map((m) => m.organisationId);
  const authorOrgs = of("autorite").map((m) => m.organisationId);
  const agentOrgs = of("agent").map((m) => m.organisationId);

  if (daect || embassyCountries.length > 0)
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT r.id, r.title, r.authority_name || ' – ' || c.name_fr AS detail, NULL AS due_on
            FROM bourse_requests r JOIN ref_countries c ON c.code = r.country_code
           WHERE r.status = 'submitted'
             ${
               daect
                 ? sql``
                 : sql`AND r.country_code IN (${sql.join(
                     embassyCountries.map((code) => sql`${code}`),
                     sql`, `,
                   )})`
             }
           ORDER BY r.submitted_at, r.id`,
        "Examiner la demande",
        requestHref,
      )),
    );
  if (opinionOrgs.length > 0)
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title, c.name AS detail, min(p.due_on)::text AS due_on
            FROM bourse_opinions p
            JOIN bourse_offers f ON f.id = p.offer_id
            JOIN atlas_collectivites c ON c.id = f.collectivite_id
           WHERE p.organisation_id IN (${orgIds(opinionOrgs)}) AND p.verdict IS NULL
             AND f.status = 'consultation'
           GROUP BY f.id, f.title, c.name ORDER BY min(p.due_on), f.id`,
        "Rendre un avis sur l'offre",
        offerHref,
      )),
    );
  if (daect) {
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title, c.name AS detail, NULL AS due_on
            FROM bourse_offers f JOIN atlas_collectivites c ON c.id = f.collectivite_id
           WHERE f.status = 'submitted' ORDER BY f.submitted_at, f.id`,
        "Demander les avis sur l'offre",
        offerHref,
      )),
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title,
                 c.name || ' – ' || CASE WHEN f.opinions_due_on < ${today}::date
                   THEN 'date limite passée' ELSE 'tous les avis sont rendus' END AS detail,
                 f.opinions_due_on::text AS due_on
            FROM bourse_offers f JOIN atlas_collectivites c ON c.id = f.collectivite_id
           WHERE f.status = 'consultation'
             AND (f.opinions_due_on < ${today}::date
                  OR NOT EXISTS (SELECT 1 FROM bourse_opinions p
                                  WHERE p.offer_id = f.id AND p.verdict IS NULL))
           ORDER BY f.opinions_due_on, f.id`,
        "Décider de la diffusion de l'offre",
        offerHref,
      )),
    );
  }
  if (authorOrgs.length > 0)
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT r.id, r.title,
                 CASE r.status WHEN 'draft' THEN 'brouillon à transmettre'
                               WHEN 'under_review' THEN 'complément demandé'
                               ELSE 'publication bientôt terminée' END AS detail,
                 CASE WHEN r.status IN ('published', 'in_contact')
                      THEN (r.expires_at AT TIME ZONE 'Europe/Paris')::date::text END AS due_on
            FROM bourse_requests r
           WHERE r.author_organisation_id IN (${orgIds(authorOrgs)})
             AND (r.status IN ('draft', 'under_review')
                  OR (r.status IN ('published', 'in_contact') AND r.expires_at <= ${soon}))
           ORDER BY r.id`,
        "Compléter ou prolonger votre demande",
        requestHref,
      )),
    );
  if (agentOrgs.length > 0)
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title, c.name || ' – brouillon à transmettre' AS detail, NULL AS due_on
            FROM bourse_offers f JOIN atlas_collectivites c ON c.id = f.collectivite_id
           WHERE f.status = 'draft' AND c.organisation_id IN (${orgIds(agentOrgs)})
           ORDER BY f.id`,
        "Transmettre votre offre",
        offerHref,
      )),
      ...(await tasks(
        q,
        sql`
          SELECT r.id, r.title, c.name || ' – ' || r.authority_name AS detail, NULL AS due_on
            FROM bourse_interests i
            JOIN bourse_requests r ON r.id = i.request_id
            JOIN atlas_collectivites c ON c.id = i.collectivite_id
           WHERE r.status = 'in_contact' AND c.organisation_id IN (${orgIds(agentOrgs)})
           ORDER BY i.created_at, r.id`,
        "Suivre le contact ; conclure le partenariat s'il est décidé",
        requestHref,
      )),
    );
  return found;
}
