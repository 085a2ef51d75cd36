import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * A package's data, read for one load of the reference tables and then let go: `require`
 * would keep the 138,000 cities and 35,000 communes in its cache for the life of the
 * process, on every portal instance.
 */
export function readPackageData<T>(specifier: string): T {
  const file = require.resolve(specifier);
  try {
    return require(file) as T;
  } finally {
    delete require.cache[file];
  }
}

/** The installed version of the package a specifier points into. */
export function packageVersion(specifier: string): string {
  const name = specifier.startsWith("@")
    ? specifier.split("/").slice(0, 2).join("/")
    : specifier.split("/")[0];
  let dir = path.dirname(require.resolve(specifier));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (parsed.name === name) return parsed.version ?? "";
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json de ${name} introuvable`);
    dir = parent;
  }
}
