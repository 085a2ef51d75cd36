import routes from "../../app/routes";

interface RouteEntry {
  path?: string;
  children?: RouteEntry[];
}

function pathsOf(entries: RouteEntry[]): string[] {
  return entries.flatMap((entry) => [
    ...(entry.path === undefined
      ? entry.children
        ? []
        : ["/"]
      : [entry.path === "*" ? "*" : `/${entry.path}`]),
    ...pathsOf(entry.children ?? []),
  ]);
}

/** Every page and API path the portal declares (patterns such as /atlas/projets/:projectId). */
export const routePaths = (): string[] => pathsOf(routes as RouteEntry[]);
