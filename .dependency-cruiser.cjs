/**
 * The module boundaries (docs/decisions/0022, 0029): the platform serves every module and
 * knows none; a module uses another only through its index.ts (server) or its codes.ts
 * (client-safe code lists and labels); the pages and the server likewise. Schema files may
 * reference each other (foreign keys), and the platform's schema list gathers them for
 * drizzle-kit.
 */
module.exports = {
  forbidden: [
    {
      name: "platform-not-to-modules",
      severity: "error",
      comment: "src/platform serves the modules and imports none of them.",
      from: { path: "^src/platform/", pathNot: ["^src/platform/db/schema\\.ts$", "\\.test\\.ts$"] },
      to: { path: "^src/modules/" },
    },
    {
      name: "module-through-its-index",
      severity: "error",
      comment:
        "A module reaches another only through its index.ts or codes.ts (or its schema, for keys).",
      from: { path: "^src/modules/([^/]+)/", pathNot: "\\.test\\.ts$" },
      to: {
        path: "^src/modules/",
        pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/(index|codes)\\.ts$", "schema\\.ts$"],
      },
    },
    {
      name: "pages-through-index-or-codes",
      severity: "error",
      comment:
        "Pages and the server call a module through its index.ts, or render with its codes.ts and its texts (texts/index.ts).",
      from: { path: "^(app|server)/" },
      to: {
        path: "^src/modules/",
        pathNot: "^src/modules/[^/]+/(index|codes|texts/index)\\.ts$",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
