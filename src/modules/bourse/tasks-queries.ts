import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Task } from "../../platform/tasks";
import {
  type Action,
  type ResourceColumns,
  membershipsHolding,
  scopeCondition,
} from "../../platform/policy";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { parisDay } from "../../platform/french-format";
import { awaitsOpinions } from "../../platform/consultation/index";
import { EXPIRY_REMINDER_DAYS } from "./codes";
import { offerConsultation } from "./offer-consultation";
import { collectivites } from "../register/index";

/** A Bourse task: the platform's task (src/platform/tasks.ts). */
export type BourseTask = Task;

interface TaskRow {
  id: number;
  title: string;
  detail: string;
  due_on: string | null;
}

async function tasks(
  q: Queryable,
  query: SQL,
  action: string,
  href: (id: number) => string,
): Promise<BourseTask[]> {
  return rowsOf<TaskRow>(await q.execute(query)).map((row) => ({
    module: "Bourse-partenariats",
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
 * The Bourse's pending tasks of a signed-in reader, each queue filtered by the policy (the
 * records on which the reader holds the queue's action): the embassy and the DAECT triage
 * requests; the DAECT asks opinions (the organisations asked answer through the
 * platform's consultation tasks) and
 * decides; a foreign authority completes and renews its requests; a collectivité sends its
 * offers and records the partnerships it agreed.
 */
export async function bourseTasks(q: Queryable, actor: Actor, now = new Date()) {
  if (actor.kind !== "user") return [];
  const today = parisDay(now);
  const soon = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000).toISOString();
  const found: BourseTask[] = [];
  const holds = (action: Action) => membershipsHolding(actor, action).length > 0;
  const within = (action: Action, columns: ResourceColumns) =>
    scopeCondition(actor, action, columns);

  if (holds("bourse:request:triage"))
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT r.id, r.title, r.authority_name || ' – ' || c.name_fr AS detail, NULL AS due_on
            FROM bourse_requests r JOIN ref_countries c ON c.code = r.country_code
           WHERE r.status = 'submitted'
             AND ${within("bourse:request:triage", { countryCode: sql`r.country_code` })}
           ORDER BY r.submitted_at, r.id`,
        "Examiner la demande",
        requestHref,
      )),
    );
  if (holds("bourse:offer:manage")) {
    const managed = within("bourse:offer:manage", { organisationId: sql`c.organisation_id` });
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title, c.name AS detail, NULL AS due_on
            FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
           WHERE f.status = 'submitted' AND ${managed} ORDER BY f.submitted_at, f.id`,
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
            FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
           WHERE f.status = 'consultation' AND ${managed}
             AND (f.opinions_due_on < ${today}::date
                  OR NOT ${awaitsOpinions(offerConsultation, sql`f.id`)})
           ORDER BY f.opinions_due_on, f.id`,
        "Décider de la diffusion de l'offre",
        offerHref,
      )),
    );
  }
  if (holds("bourse:request:author"))
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
           WHERE ${within("bourse:request:author", { organisationId: sql`r.author_organisation_id` })}
             AND (r.status IN ('draft', 'under_review')
                  OR (r.status IN ('published', 'in_contact') AND r.expires_at <= ${soon}))
           ORDER BY r.id`,
        "Compléter ou prolonger votre demande",
        requestHref,
      )),
    );
  if (holds("bourse:offer:create"))
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT f.id, f.title, c.name || ' – brouillon à transmettre' AS detail, NULL AS due_on
            FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
           WHERE f.status = 'draft'
             AND ${within("bourse:offer:create", { organisationId: sql`c.organisation_id` })}
           ORDER BY f.id`,
        "Transmettre votre offre",
        offerHref,
      )),
    );
  if (holds("bourse:interest:express"))
    found.push(
      ...(await tasks(
        q,
        sql`
          SELECT r.id, r.title, c.name || ' – ' || r.authority_name AS detail, NULL AS due_on
            FROM bourse_interests i
            JOIN bourse_requests r ON r.id = i.request_id
            JOIN ${collectivites} c ON c.id = i.collectivite_id
           WHERE r.status = 'in_contact'
             AND ${within("bourse:interest:express", { organisationId: sql`c.organisation_id` })}
           ORDER BY i.created_at, r.id`,
        "Suivre le contact ; conclure le partenariat s'il est décidé",
        requestHref,
      )),
    );
  return found;
}
