import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { enqueueMail, simpleMail } from "../../platform/mail/outbox";
import { users } from "../../platform/auth/schema";
import { parseProjectFilters, projectsAfter } from "../atlas/index";
import { savedSearches } from "./schema";
import { countOf } from "../../platform/french/counts";

const WEEK_MS = 7 * 24 * 3600 * 1000;
const TITLES_PER_SEARCH = 10;

/** New projects of a saved search since its last alert: how many, the first titles, the last id. */
const newProjects = (db: Db, query: string, afterId: number) =>
  projectsAfter(db, parseProjectFilters(new URLSearchParams(query)), afterId, TITLES_PER_SEARCH);

/**
 * The weekly alert digest: for each person, one mail listing the new projects of each of
 * their alerted searches not alerted for a week. Searches without news are looked at again
 * at the next run; a search is never alerted twice within seven days.
 */
export async function sendAlertDigests(db: Db, options: { now: Date; publicUrl: string }) {
  const due = await db
    .select({
      id: savedSearches.id,
      userId: savedSearches.userId,
      name: savedSearches.name,
      query: savedSearches.query,
      afterId: savedSearches.alertAfterProjectId,
      email: users.email,
      displayName: users.displayName,
    })
    .from(savedSearches)
    .innerJoin(users, eq(users.id, savedSearches.userId))
    .where(
      and(
        eq(savedSearches.alert, true),
        eq(users.isActive, true),
        or(
          isNull(savedSearches.lastAlertedAt),
          lte(savedSearches.lastAlertedAt, new Date(options.now.getTime() - WEEK_MS)),
        ),
      ),
    )
    .orderBy(savedSearches.userId, savedSearches.id);
  let sent = 0;
  const byUser = new Map<number, typeof due>();
  for (const search of due)
    byUser.set(search.userId, [...(byUser.get(search.userId) ?? []), search]);
  for (const [userId, searches] of byUser) {
    const news: { search: (typeof due)[number]; found: Awaited<ReturnType<typeof newProjects>> }[] =
      [];
    for (const search of searches) {
      const found = await newProjects(db, search.query, search.afterId);
      if (found.count > 0) news.push({ search, found });
    }
    if (news.length === 0) continue;
    const person = searches[0];
    const day = options.now.toISOString().slice(0, 10);
    const mail = simpleMail({
      subject: `Atlas : ${countOf(
        news.reduce((sum, item) => sum + item.found.count, 0),
        "nouveau projet",
        "nouveaux projets",
        "m",
      )} dans vos recherches`,
      greeting: `Bonjour ${person.displayName},`,
      paragraphs: news.map(
        ({ search, found }) =>
          `« ${search.name} » : ${countOf(found.count, "nouveau projet", "nouveaux projets", "m")} — ${found.titles
            .map((project) => `${project.title} (${options.publicUrl}/atlas/projets/${project.id})`)
            .join(
              " ; ",
            )}${found.count > found.titles.length ? " ; …" : ""}. Toute la recherche : ${options.publicUrl}/atlas/projets?${search.query}`,
      ),
      action: { label: "Gérer mes alertes", url: `${options.publicUrl}/mon-espace` },
      footer:
        "Vous recevez ce résumé, au plus une fois par semaine, parce que vous avez demandé une alerte sur une recherche de l'Atlas. Désactivez-la dans « Mon espace ».",
    });
    await db.transaction(async (tx) => {
      await enqueueMail(tx, {
        idempotencyKey: `alert-digest:${userId}:${day}`,
        template: "atlas-alert-digest",
        to: person.email,
        ...mail,
      });
      for (const { search, found } of news)
        await tx
          .update(savedSearches)
          .set({ lastAlertedAt: options.now, alertAfterProjectId: found.lastId ?? search.afterId })
          .where(eq(savedSearches.id, search.id));
    });
    sent += 1;
  }
  return { sent };
}
