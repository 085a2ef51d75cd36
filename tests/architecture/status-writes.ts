/** The text of a balanced `{…}` starting at `start`. */
function objectAt(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    if (source[i] === "{") depth += 1;
    if (source[i] === "}") {
      depth -= 1;
      if (depth === 0) return source.slice(start, i + 1);
    }
  }
  return source.slice(start);
}

/**
 * Where a source writes the status of a workflow's table other than through transition():
 * a Drizzle `.update(table).set({ status … })` or an SQL `UPDATE table SET … status`.
 */
export function statusWrites(
  source: string,
  tables: { variables: Set<string>; names: Set<string> },
): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\.update\(\s*(\w+)\s*\)\s*\.set\(\s*\{/g)) {
    const set = objectAt(source, (match.index ?? 0) + match[0].length - 1);
    if (tables.variables.has(match[1]) && /(^|[\s{,])status\s*[:,}]/.test(set))
      found.push(`.update(${match[1]}).set({ status })`);
  }
  for (const match of source.matchAll(/UPDATE\s+"?(\w+)"?\s+SET\s+([\s\S]*?)(?:WHERE|`)/gi))
    if (tables.names.has(match[1]) && /\bstatus\s*=/.test(match[2]))
      found.push(`UPDATE ${match[1]} SET status`);
  return found;
}
