import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Dictionary, declaredTexts } from "../../src/platform/i18n/translator";

/**
 * Every translated text of the portal, French the reference: each key of a French dictionary
 * exists in English and Spanish, with the same `{{values}}`, and reads differently from the
 * French unless it is a name that every language keeps.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "Bourse-partenariats",
  "{{page}} – Portail AECT",
  "Menu",
  "Date",
  "Administration",
  "{{name}} ({{kind}})",
  "{{kind}}, {{size}}",
  "{{accessibility}} : {{status}}",
  "Sport",
]);

const leaves = (dictionary: Dictionary, prefix = ""): [string, string][] =>
  Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

beforeAll(async () => {
  // Every module's dictionaries, wherever they are: a new module's are checked without a line here.
  const root = join(import.meta.dirname, "../../src");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (path) => path.endsWith("texts/index.ts") || path.endsWith("i18n/portal-texts.ts"),
  );
  for (const file of files) await import(join(root, file));
});

describe("the dictionaries", () => {
  it("include the portal's frame and the Bourse's", () => {
    expect(declaredTexts().map((namespace) => namespace.name)).toEqual(
      expect.arrayContaining(["portail", "bourse"]),
    );
  });

  it("have every French key in English and Spanish, with the same values put in", () => {
    const faults: string[] = [];
    for (const { name, dictionaries } of declaredTexts()) {
      const french = new Map(leaves(dictionaries.fr));
      for (const lang of ["en", "es"] as const) {
        const other = new Map(leaves(dictionaries[lang]));
        for (const [key, text] of french) {
          const translated = other.get(key);
          if (translated === undefined) faults.push(`${name}:${key} manque en ${lang}`);
          else if (translated.trim() === "") faults.push(`${name}:${key} est vide en ${lang}`);
          else if (placeholders(translated).join() !== placeholders(text).join())
            faults.push(`${name}:${key} n'a pas les mêmes valeurs en ${lang}`);
          else if (translated === text && !SAME_IN_EVERY_LANGUAGE.has(text))
            faults.push(`${name}:${key} est resté en français en ${lang} (« ${text} »)`);
        }
        for (const key of other.keys())
          if (!french.has(key)) faults.push(`${name}:${key} n'existe pas en français (${lang})`);
      }
    }
    expect(faults).toEqual([]);
  });
});
