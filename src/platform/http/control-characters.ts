/**
 * Control characters that no person types (NUL and the other C0 codes but tab and line
 * breaks, and DEL). PostgreSQL refuses NUL in text; none has a place in a form or a URL.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is looked for.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasControlCharacter = (value: string) => CONTROL.test(value);

/** The first parameter of a query string that holds one, or null. */
export function badQueryParameter(params: URLSearchParams): string | null {
  for (const [name, value] of params) if (hasControlCharacter(name + value)) return name;
  return null;
}

export const controlCharacterMessage = (field: string) =>
  `« ${field} » contient un caractère de contrôle (invisible) qui n'a pas sa place ici : retapez la valeur.`;
