import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import type { Db, Tx } from "../../platform/db/client";
import { Invalid, NotFound, Unauthenticated } from "../../platform/errors";
import { authorize, can } from "../../platform/policy";
import { checkboxField, parseInput, textField } from "../../platform/validation";
import {
  countProjects,
  filtersToParams,
  parseExportFormat,
  parseProjectFilters,
  projectExport,
} from "../atlas/index";
import { extractions, savedSearches } from "./schema";
import { latestProjectId } from "../atlas/index";

/** An extraction kept in "Mon espace" holds at most this many projects. */
export const MAX_EXTRACTION_PROJECTS = 20_000;
const MAP_VIEWS = new Set(["monde", "regions", "departements"]);

/** The signed-in person whose space this is; visitors are asked to sign in. */
export function userOf(actor: Actor): number {
  if (actor.kind === "visitor") throw new Unauthenticated();
  authorize(actor, "workspace:use");
  return actor.userId;
}

/** The query of a search as kept: its filters in canonical form, its sort and map view. */
function canonicalQuery(raw: string): string {
  const params = new URLSearchParams(raw.replace(/^\?/, ""));
  const canonical = filtersToParams(parseProjectFilters(params));
  const sort = params.get("sort");
  if (sort) canonical.set("sort", sort);
  const view = params.get("vue");
  if (view && MAP_VIEWS.has(view)) canonical.set("vue", view);
  return canonical.toString();
}

const searchSchema = z.object({
  name: z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() !== ""
        ? value
        : `Recherche du ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date())}`,
    textField("Le nom de la recherche", 120),
  ),
  query: z.string().default(""),
  alert: checkboxField("L'alerte"),
});

/** Keeps a search (with its map view) in the person's space, with or without an alert. */
export async function saveSearch(db: Db, actor: Actor, values: Record<string, string>) {
  const userId = userOf(actor);
  const input = parseInput(searchSchema, values);
  const query = canonicalQuery(input.query);
  const [saved] = await db
    .insert(savedSearches)
    .values({
      userId,
      name: input.name,
      query,
      alert: input.alert,
      alertAfterProjectId: await latestProjectId(db),
    })
    .returning();
  return saved;
}

async function ownSearch(db: Db, actor: Actor, id: number) {
  userOf(actor);
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.id, id));
  // Another person's search is answered as missing: its existence is nobody else's business.
  if (!row || !can(actor, "workspace:use", { userId: row.userId }))
    throw new NotFound("Cette recherche enregistrée n'existe pas.");
  return row;
}

export async function setSearchAlert(db: Db, actor: Actor, id: number, alert: boolean) {
  await ownSearch(db, actor, id);
  await db
    .update(savedSearches)
    .set({ alert, ...(alert ? { alertAfterProjectId: await latestProjectId(db) } : {}) })
    .where(eq(savedSearches.id, id));
}

export async function deleteSearch(db: Db, actor: Actor, id: number) {
  await ownSearch(db, actor, id);
  await db.delete(savedSearches).where(eq(savedSearches.id, id));
}

/** Everything in a person's space, newest first (files without their content). */
export async function workspaceOf(db: Db, actor: Actor) {
  const userId = userOf(actor);
  const [searches, files] = await Promise.all([
    db
      .select()
      .from(savedSearches)
      .where(eq(savedSearches.userId, userId))
      .orderBy(desc(savedSearches.id)),
    db
      .select({
        id: extractions.id,
        format: extractions.format,
        query: extractions.query,
        filename: extractions.filename,
        size: extractions.size,
        projects: extractions.projects,
        createdAt: extractions.createdAt,
      })
      .from(extractions)
      .where(eq(extractions.userId, userId))
      .orderBy(desc(extractions.id)),
  ]);
  return { searches, extractions: files };
}

/**
 * Produces an export of a search and keeps the file, as it is today, in the person's space.
 * Large results are refused: they are downloaded directly, not stored.
 */
export async function keepExtraction(
  db: Db,
  actor: Actor,
  values: Record<string, string>,
  options: { publicUrl: string; now: Date },
) {
  const userId = userOf(actor);
  const format = parseExportFormat(values.format ?? null);
  const query = canonicalQuery(values.query ?? "");
  const filters = parseProjectFilters(new URLSearchParams(query));
  const { total } = await countProjects(db, filters, false);
  if (total > MAX_EXTRACTION_PROJECTS)
    throw new Invalid({
      format: `Cette recherche compte ${total.toLocaleString("fr-FR")} projets : « Mon espace » garde les extractions de ${MAX_EXTRACTION_PROJECTS.toLocaleString("fr-FR")} projets au plus. Précisez la recherche ou téléchargez le fichier directement.`,
    });
  const file = await projectExport(db, filters, format, options);
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) chunks.push(Buffer.from(chunk));
  const content = Buffer.concat(chunks);
  if (content.length > EXTRACTION_QUOTA.bytes)
    throw new Invalid({
      format: `Ce fichier pèserait ${megabytes(content.length)} Mo, plus que les ${megabytes(EXTRACTION_QUOTA.bytes)} Mo de votre espace : précisez la recherche ou téléchargez-le directement.`,
    });
  return db.transaction(async (tx) => {
    const [kept] = await tx
      .insert(extractions)
      .values({
        userId,
        format,
        query,
        filename: file.filename,
        contentType: file.contentType,
        content,
        size: content.length,
        projects: total,
      })
      .returning({ id: extractions.id });
    await makeRoom(tx, userId);
    return kept;
  });
}

/** What a person's space keeps at most: the oldest files give way to the newest. */
export const EXTRACTION_QUOTA = { files: 20, bytes: 100 * 1024 * 1024 };

const megabytes = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 });

/** Removes the person's oldest extractions until the quota holds (the newest always stays). */
async function makeRoom(tx: Tx, userId: number) {
  const files = await tx
    .select({ id: extractions.id, size: extractions.size })
    .from(extractions)
    .where(eq(extractions.userId, userId))
    .orderBy(desc(extractions.id));
  let count = 0;
  let bytes = 0;
  const removed: number[] = [];
  for (const file of files) {
    count += 1;
    bytes += file.size;
    if (count > 1 && (count > EXTRACTION_QUOTA.files || bytes > EXTRACTION_QUOTA.bytes))
      removed.push(file.id);
  }
  if (removed.length > 0) await tx.delete(extractions).where(inArray(extractions.id, removed));
}

async function ownExtraction(db: Db, actor: Actor, id: number) {
  userOf(actor);
  const [row] = await db.select().from(extractions).where(eq(extractions.id, id));
  if (!row || !can(actor, "workspace:use", { userId: row.userId }))
    throw new NotFound("Cette extraction n'existe pas.");
  return row;
}

export const extractionFile = ownExtraction;

export async function deleteExtraction(db: Db, actor: Actor, id: number) {
  await ownExtraction(db, actor, id);
  await db.delete(extractions).where(eq(extractions.id, id));
}
