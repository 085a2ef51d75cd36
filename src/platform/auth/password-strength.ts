import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";

/**
 * Guessable passwords are refused with the reason a person can act on: common passwords,
 * French words and names, keyboard rows, repeats, dates, and the person's own address or name.
 * Score 3 of 4 ("safely unguessable" in the estimator's terms) is the bar.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const strength = () => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return estimator;
};

/** Null when the password is strong enough; otherwise why not, in French. */
export function weakPasswordReason(password: string, personalWords: string[] = []): string | null {
  const words = personalWords.flatMap((word) => word.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const result = strength().check(
    password,
    words.filter((word) => word.length >= 3),
  );
  if (result.score >= MIN_SCORE) return null;
  const reason = result.feedback.warning ?? "Ce mot de passe est trop facile à deviner.";
  const advice =
    result.feedback.suggestions[0] ?? "Ajoutez des mots moins courants ou allongez-le.";
  return `Mot de passe trop faible : ${reason.replace(/\.$/, "")}. ${advice}`;
}
