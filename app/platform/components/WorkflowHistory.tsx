import { usePageLanguage } from "../page-language";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";
import { formatDateIn } from "../format";

/** One event of a record's history, as loaders send it (dates serialised). */
export interface HistoryRow {
  id: number;
  at: string | Date;
  label: string;
  by: string;
  reason: string | null;
}

/**
 * A record's history, read from its workflow's event rows: when, what, by which
 * organisation, and why. Shown to those who act on the record, never to the public.
 */
export function WorkflowHistory(props: { history: HistoryRow[]; id: string }) {
  const lang = usePageLanguage();
  const t = portalTexts(lang);
  if (props.history.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t("history.title")}</h2>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>{t("history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.date")}</th>
              <th scope="col">{t("history.step")}</th>
              <th scope="col">{t("history.by")}</th>
              <th scope="col">{t("history.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateIn(lang, entry.at, "dateTime")}</td>
                <td>{entry.label}</td>
                {/* Organisations keep their French names; reasons are as their author wrote. */}
                <td lang="fr">{entry.by}</td>
                <td lang={entry.reason ? "fr" : undefined}>{entry.reason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
