/** The links of the Mon espace task rows whose action starts with these words. */
export function taskLinks(html: string, action: string) {
  const table = html.slice(html.indexOf('id="taches"'));
  return [...table.matchAll(/<tr><td>([^<]*)<\/td><td><a href="([^"]+)"/g)]
    .filter((match) => match[1].replace(/&#x27;/g, "'").startsWith(action))
    .map((match) => match[2]);
}
