import i18next, { type i18n } from "i18next";
import { type PageLanguage, pageLanguages } from "./languages";

/** A dictionary: texts, grouped by topic. Plural forms end in `_zero`, `_one`, `_other`. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary;
}

/** The same keys as the French reference, each with a text of its own. */
export type Translation<D> = {
  readonly [K in keyof D]: D[K] extends string ? string : Translation<D[K]>;
};

type PluralSuffix = "zero" | "one" | "other";
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every text's key, dotted ("fields.title.label"), plural forms named once. */
export type KeyOf<D, Prefix extends string = ""> = {
  [K in keyof D & string]: D[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : KeyOf<D[K], `${Prefix}${K}.`>;
}[keyof D & string];

/** Values put into a text: `{{name}}` in the dictionary; `count` picks the plural form. */
export type Values = Record<string, string | number>;

export type Translate<D> = (key: KeyOf<D>, values?: Values) => string;

/** A module's texts in every page language, French first. */
export interface Namespace<D extends Dictionary> {
  name: string;
  dictionaries: { fr: D } & Record<Exclude<PageLanguage, "fr">, Translation<D>>;
}

const registered = new Map<string, Namespace<Dictionary>>();
const instances = new Map<PageLanguage, i18n>();

function instanceFor(lang: PageLanguage): i18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = i18next.createInstance();
    // Synchronous: the dictionaries are in the bundle, nothing is fetched. React escapes
    // what it renders and mails are plain text, so texts are not escaped twice.
    void instance.init({
      lng: lang,
      fallbackLng: "fr",
      initAsync: false,
      interpolation: { escapeValue: false },
      resources: {},
    });
    instances.set(lang, instance);
  }
  return instance;
}

/**
 * Declares a module's texts and returns its translator: `texts("en")("fields.title.label")`.
 * French is the reference: a key missing in English or Spanish fails the typecheck, and the
 * dictionaries test compares the trees at run time.
 */
export function defineTexts<D extends Dictionary>(
  name: string,
  dictionaries: Namespace<D>["dictionaries"],
): (lang: PageLanguage) => Translate<D> {
  registered.set(name, { name, dictionaries } as unknown as Namespace<Dictionary>);
  for (const lang of pageLanguages)
    instanceFor(lang).addResourceBundle(lang, name, dictionaries[lang], true, true);
  const translators = new Map<PageLanguage, Translate<D>>();
  return (lang) => {
    let translate = translators.get(lang);
    if (!translate) {
      const fixed = instanceFor(lang).getFixedT(lang, name);
      translate = (key, values) => fixed(key, values ?? {}) as string;
      translators.set(lang, translate);
    }
    return translate;
  };
}

/** Every declared namespace, for the dictionaries test and the browser tests' word lists. */
export const declaredTexts = (): Namespace<Dictionary>[] => [...registered.values()];
