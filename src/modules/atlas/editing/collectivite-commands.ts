import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import type { Db, Queryable } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { optionalEurosField, optionalTextField, parseInput } from "../../../platform/validation";
import { centsToText } from "./project-input";
import { assertCurrentVersion, recordVersion, sentVersion, snapshotChanges } from "./versions";
import { collectivites, writeCollectiviteProfile } from "../../register/index";
import { changing } from "../../../platform/changes";

const optionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.email(
        "L'adresse électronique de l'agent n'est pas valide : saisissez une adresse au format nom@domaine.fr.",
      ),
    )
    .optional()
    .transform((value) => value ?? null),
);

const optionalPhone = optionalTextField("Le téléphone", 30).refine(
  (value) => value === null || /^\+?[\d\s.()-]{6,30}$/.test(value),
  "Le téléphone ne doit contenir que des chiffres, espaces, points ou tirets (exemple : 02 99 00 00 00).",
);

const optionalWebsite = optionalTextField("L'adresse du site internet", 300).refine(
  (value) => value === null || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value),
  "L'adresse du site internet doit commencer par https:// (exemple : https://www.ville.fr).",
);

const staffFte = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .regex(/^\d{1,4}([.,]\d{1,2})?$/, "L'effectif doit être un nombre d'ETP, par exemple 1,5.")
    .transform((value) => Number(value.replace(",", ".")).toFixed(2))
    .optional()
    .transform((value) => value ?? null),
);

export const collectiviteProfileSchema = z.object({
  electedOfficialName: optionalTextField("Le nom de l'élu(e)", 200),
  electedOfficialTitle: optionalTextField("La fonction de l'élu(e)", 200),
  contactName: optionalTextField("Le nom de l'agent", 200),
  contactTitle: optionalTextField("La fonction de l'agent", 200),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
  hasInternationalService: z
    .enum(["oui", "non"], {
      message: "Indiquez si la collectivité a un service des relations internationales.",
    })
    .transform((value) => value === "oui"),
  staffFte,
  yearlyBudgetCents: optionalEurosField("Le budget annuel"),
  website: optionalWebsite,
  presentation: optionalTextField("La présentation", 3_000),
});

export type CollectiviteProfile = z.output<typeof collectiviteProfileSchema>;
const profileFields = Object.keys(collectiviteProfileSchema.shape) as (keyof CollectiviteProfile)[];

async function readCollectivite(q: Queryable, id: number, { lock = false } = {}) {
  const query = q.select().from(collectivites).where(eq(collectivites.id, id));
  const [row] = await (lock ? query.for("update") : query);
  if (!row) return null;
  const profile = Object.fromEntries(
    profileFields.map((field) => [field, row[field]]),
  ) as CollectiviteProfile;
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    version: row.version,
    profile,
  };
}

/** The profile of a collectivité, for its own agents and the DAECT. */
export async function editableCollectivite(db: Db, actor: Actor, id: number) {
  const collectivite = await readCollectivite(db, id);
  if (!collectivite) throw new NotFound("Cette collectivité n'existe pas.");
  authorize(actor, "atlas:collectivite:edit", {
    organisationId: collectivite.organisationId ?? -1,
  });
  return collectivite;
}

/** Saves the profile typed in a form opened on `values.version` (optimistic locking). */
export async function updateCollectiviteProfile(
  db: Db,
  actor: Actor,
  id: number,
  values: Record<string, string | string[] | undefined>,
) {
  await editableCollectivite(db, actor, id);
  const profile = parseInput(collectiviteProfileSchema, values);
  const expected = sentVersion(values);
  return changing(db, "atlas", async (tx) => {
    const stored = (await readCollectivite(tx, id, { lock: true }))!;
    await assertCurrentVersion(
      tx,
      "collectivite",
      id,
      { version: stored.version, snapshot: stored.profile },
      { version: expected, snapshot: profile },
    );
    const changes = snapshotChanges(stored.profile, profile);
    if (Object.keys(changes).length === 0) return { version: stored.version, changed: false };
    const version = stored.version + 1;
    await writeCollectiviteProfile(tx, id, profile, version);
    await recordVersion(tx, auditActorOf(actor), {
      entityType: "collectivite",
      entityId: id,
      version,
      before: stored.profile,
      after: profile,
      changes,
    });
    return { version, changed: true };
  });
}

/** The form fields of a stored profile, as a person would type them. */
export function collectiviteFormValues(profile: CollectiviteProfile): Record<string, string> {
  return {
    ...Object.fromEntries(
      Object.entries(profile).map(([key, value]) => [key, value === null ? "" : String(value)]),
    ),
    hasInternationalService: profile.hasInternationalService ? "oui" : "non",
    staffFte:
      profile.staffFte === null ? "" : profile.staffFte.replace(/\.?0+$/, "").replace(".", ","),
    yearlyBudgetCents:
      profile.yearlyBudgetCents === null ? "" : centsToText(profile.yearlyBudgetCents),
  };
}
