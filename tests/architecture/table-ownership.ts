/**
 * Which module owns which table, and where a module's code reaches into another's:
 * writing another module's table name in SQL, or writing (insert, update, delete) a table
 * object imported from another module. Reading the tables another module's index
 * publishes, by interpolating the object, is how joins cross modules.
 */
export interface ModuleSource {
  module: string;
  file: string;
  text: string;
}

/** Table name → owning module, from the modules' schema files. */
export function tableOwners(sources: readonly ModuleSource[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const { module, text } of sources)
    for (const match of text.matchAll(/pgTable\(\s*"(\w+)"/g)) owners.set(match[1], module);
  return owners;
}

/** Variables a file imports from another module: variable → that module. */
function importedFromOtherModules(
  source: ModuleSource,
  modules: ReadonlySet<string>,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.text.matchAll(
    /import (?:type )?\{([^}]*)\} from "(?:\.\.\/)+(?:modules\/)?(\w+)\/[\w./-]+";/g,
  )) {
    const [, names, module] = match;
    if (module === source.module || !modules.has(module)) continue;
    for (const part of names.split(",")) {
      const [imported, alias] = part
        .replace(/\btype\b/, "")
        .trim()
        .split(/\s+as\s+/);
      if (imported) found.set((alias ?? imported).trim(), module);
    }
  }
  return found;
}

const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** Every reach into another module's tables, as "file: what". */
export function tableTrespasses(
  sources: readonly ModuleSource[],
  owners: Map<string, string>,
): string[] {
  const found: string[] = [];
  const modules = new Set(owners.values());
  for (const source of sources) {
    const text = withoutComments(source.text);
    for (const [table, owner] of owners) {
      if (owner === source.module) continue;
      if (new RegExp(`\\b${table}\\b`).test(text))
        found.push(`${source.file}: names ${table} (${owner})`);
    }
    for (const [variable, owner] of importedFromOtherModules(source, modules)) {
      const write = new RegExp(
        `\\.(insert|update|delete)\\(\\s*${variable}\\s*\\)|(INSERT INTO|UPDATE|DELETE FROM)\\s+\\$\\{${variable}\\}`,
      );
      if (write.test(text)) found.push(`${source.file}: writes ${variable} (${owner})`);
    }
  }
  return found;
}
