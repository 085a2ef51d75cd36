import type { PageLanguage } from "../../../src/platform/i18n/languages";
import { bourseTexts } from "../../../src/modules/bourse/texts/index";
import { toName } from "../../platform/format";
interface Reasoned {
  id: number;
  reasons: string[];
}

function ReasonList({ reasons }: { reasons: string[] }) {
  return (
    <p className="fr-text--sm fr-mb-1w">
      {reasons.map((reason, index) => (
        <span key={reason}>
          {index > 0 ? " · " : ""}
          {reason}
        </span>
      ))}
    </p>
  );
}

/** The French collectivités likely to answer a request, each with why. */
export function CollectiviteSuggestions(props: {
  suggestions: (Reasoned & { name: string })[];
  lang: PageLanguage;
}) {
  if (props.suggestions.length === 0) return null;
  const t = bourseTexts(props.lang);
  return (
    <section aria-labelledby="suggestions-titre">
      <h2 id="suggestions-titre">{t("suggestions.title")}</h2>
      <p>{t("suggestions.intro")}</p>
      <ol>
        {props.suggestions.map((suggestion) => (
          <li key={suggestion.id}>
            <a href={`/atlas/collectivites/${suggestion.id}`} lang="fr">
              {suggestion.name}
            </a>
            <ReasonList reasons={suggestion.reasons} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The published requests that suit a collectivité, each with why. */
export function RequestSuggestions(props: {
  collectivite: { id: number; name: string };
  suggestions: (Reasoned & { title: string; authorityName: string; country: string })[];
}) {
  return (
    <section aria-labelledby={`demandes-pour-${props.collectivite.id}`}>
      <h3
        id={`demandes-pour-${props.collectivite.id}`}
      >{`Demandes qui correspondent ${toName(props.collectivite.name)}`}</h3>
      {props.suggestions.length === 0 ? (
        <p>Aucune demande publiée ne correspond pour l'instant à ses projets ni à ses pays.</p>
      ) : (
        <ol>
          {props.suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <a href={`/bourse/demandes/${suggestion.id}`}>{suggestion.title}</a> –{" "}
              {suggestion.authorityName}, {suggestion.country}
              <ReasonList reasons={suggestion.reasons} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
