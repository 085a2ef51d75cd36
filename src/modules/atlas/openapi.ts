import { openApiBadRequest } from "../../platform/openapi";
import { continents } from "../../reference/schema";
import { exportFormats } from "./export/project-export";
import { partnershipKinds, projectStatuses } from "./schema";
import { projectSorts } from "./search/project-search";
import { statGroups } from "./statistics/stat-groups";
import { collectiviteKinds } from "../register/index";

/** The Atlas part of the open-data API description (OpenAPI 3.1). */
const repeatable = (name: string, description: string, items: object) => ({
  name,
  in: "query",
  required: false,
  description: `${description} Répétez le paramètre pour accepter plusieurs valeurs.`,
  schema: { type: "array", items },
  style: "form",
  explode: true,
});

const filterParameters = [
  {
    name: "q",
    in: "query",
    required: false,
    description:
      "Recherche plein texte en français, sans tenir compte des accents ni du pluriel ; tous les mots sont requis, « - » exclut un mot, les guillemets cherchent une expression.",
    schema: { type: "string", maxLength: 200 },
  },
  repeatable("continent", "Continent du pays partenaire.", {
    type: "string",
    enum: [...continents],
  }),
  repeatable("country", "Pays partenaire (code ISO 3166-1 alpha-2).", {
    type: "string",
    pattern: "^[A-Za-z]{2}$",
  }),
  repeatable("region", "Région française (code INSEE).", { type: "string", pattern: "^\\d{2}$" }),
  repeatable("departement", "Département français (code INSEE).", {
    type: "string",
    pattern: "^(\\d{2,3}|2[ABab])$",
  }),
  repeatable("collectivite", "Identifiant Atlas d'une collectivité française.", {
    type: "integer",
    minimum: 1,
  }),
  repeatable("collectiviteKind", "Type de collectivité française.", {
    type: "string",
    enum: [...collectiviteKinds],
  }),
  repeatable("theme", "Thématique (code).", { type: "string", pattern: "^[a-z0-9_-]{1,40}$" }),
  repeatable("partnershipKind", "Type de partenariat.", {
    type: "string",
    enum: [...partnershipKinds],
  }),
  repeatable("funding", "Source de financement (code).", {
    type: "string",
    pattern: "^[a-z0-9_]{1,40}$",
  }),
  repeatable("sdg", "Objectif de développement durable (1 à 17).", {
    type: "string",
    pattern: "^([1-9]|1[0-7])$",
  }),
  repeatable("status", "Statut du projet.", { type: "string", enum: [...projectStatuses] }),
  {
    name: "yearFrom",
    in: "query",
    required: false,
    description: "Projets encore en cours à partir de cette année.",
    schema: { type: "integer", minimum: 1950, maximum: 2100 },
  },
  {
    name: "yearTo",
    in: "query",
    required: false,
    description: "Projets commencés au plus tard cette année.",
    schema: { type: "integer", minimum: 1950, maximum: 2100 },
  },
];

const codeLabel = (code: object) => ({
  type: "object",
  required: ["code"],
  properties: { code, name: { type: "string" }, label: { type: "string" } },
});

export const atlasOpenApiSchemas = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: { type: "string" },
      fieldErrors: { type: "object", additionalProperties: { type: "string" } },
    },
  },
  Project: {
    type: "object",
    required: ["id", "title", "status", "countries", "themes", "collectivites", "url"],
    properties: {
      id: { type: "integer" },
      title: { type: "string" },
      status: { type: "string", enum: [...projectStatuses] },
      statusLabel: { type: "string" },
      startYear: { type: ["integer", "null"] },
      endYear: { type: ["integer", "null"] },
      countries: { type: "array", items: codeLabel({ type: "string" }) },
      themes: { type: "array", items: codeLabel({ type: "string" }) },
      collectivites: {
        type: "array",
        items: {
          type: "object",
          properties: { id: { type: "integer" }, name: { type: "string" } },
        },
      },
      url: { type: "string", description: "Chemin de la fiche-projet sur le portail." },
    },
  },
  ProjectSearch: {
    type: "object",
    required: ["total", "items", "facets", "nextCursor"],
    properties: {
      total: { type: "integer" },
      items: { type: "array", items: { $ref: "#/components/schemas/Project" } },
      facets: {
        type: "object",
        description: "Pour chaque filtre, le nombre de projets par valeur parmi les résultats.",
        additionalProperties: { type: "object", additionalProperties: { type: "integer" } },
      },
      nextCursor: { type: ["string", "null"] },
      sort: { type: "string", enum: [...projectSorts] },
    },
  },
  StatRow: {
    type: "object",
    required: [
      "key",
      "label",
      "projects",
      "partnerships",
      "frenchCollectivites",
      "partnerAuthorities",
    ],
    properties: {
      key: { type: "string" },
      label: { type: "string" },
      projects: { type: "integer" },
      partnerships: { type: "integer" },
      frenchCollectivites: { type: "integer" },
      partnerAuthorities: { type: "integer" },
    },
  },
  CrossTabLine: {
    type: "object",
    required: ["key", "label", "projects"],
    properties: {
      key: { type: "string" },
      label: { type: "string" },
      projects: { type: "integer", description: "Projets ayant cette valeur, chacun une fois." },
    },
  },
  CrossTab: {
    type: "object",
    required: ["rows", "columns", "cells", "total"],
    properties: {
      rows: { type: "array", items: { $ref: "#/components/schemas/CrossTabLine" } },
      columns: { type: "array", items: { $ref: "#/components/schemas/CrossTabLine" } },
      cells: {
        type: "object",
        description: "Projets ayant les deux valeurs, par « ligne|colonne » ; absente : aucun.",
        additionalProperties: { type: "integer" },
      },
      total: { type: "integer", description: "Projets de la recherche, chacun une fois." },
    },
  },
  ContinentRow: {
    type: "object",
    required: ["continent", "frenchCollectivites", "partnerAuthorities", "countries", "projects"],
    properties: {
      continent: { type: "string" },
      frenchCollectivites: { type: "integer" },
      partnerAuthorities: { type: "integer" },
      countries: { type: "integer" },
      projects: { type: "integer" },
    },
  },
};

const byName = (names: string[]) =>
  filterParameters.filter((parameter) => names.includes(parameter.name));

/** A directory list: some of the Atlas filters, 1–500 items a page, an id cursor. */
function directoryPath(summary: string, filterNames: string[]) {
  return {
    get: {
      summary,
      tags: ["Atlas"],
      parameters: [
        ...byName(filterNames),
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 500, default: 50 },
        },
        {
          name: "cursor",
          in: "query",
          required: false,
          description: "Valeur nextCursor de la page précédente.",
          schema: { type: "string", pattern: "^\\d+$" },
        },
      ],
      responses: {
        "200": {
          description: "Une page de la liste.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["items", "nextCursor"],
                properties: {
                  items: { type: "array", items: { type: "object" } },
                  nextCursor: { type: ["string", "null"] },
                },
              },
            },
          },
        },
        "400": openApiBadRequest,
      },
    },
  };
}

export const atlasOpenApiPaths = {
  "/api/v1/collectivites": directoryPath("Collectivités françaises de l'Atlas", [
    "q",
    "region",
    "departement",
    "collectiviteKind",
    "collectivite",
  ]),
  "/api/v1/foreign-authorities": directoryPath("Autorités locales partenaires", [
    "q",
    "country",
    "continent",
  ]),
  "/api/v1/partnerships": directoryPath("Partenariats de coopération décentralisée", [
    "country",
    "continent",
    "region",
    "departement",
    "collectiviteKind",
    "collectivite",
    "partnershipKind",
  ]),
  "/api/v1/projects": {
    get: {
      summary: "Rechercher des projets de l'Atlas",
      tags: ["Atlas"],
      parameters: [
        ...filterParameters,
        {
          name: "sort",
          in: "query",
          required: false,
          schema: { type: "string", enum: [...projectSorts] },
        },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        },
        {
          name: "cursor",
          in: "query",
          required: false,
          description: "Valeur nextCursor de la page précédente.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": {
          description: "Une page de projets, le total et les facettes.",
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/ProjectSearch" } },
          },
        },
        "400": openApiBadRequest,
      },
    },
  },
  "/api/v1/projects/export": {
    get: {
      summary: "Exporter les projets d'une recherche",
      description:
        "Fichier complet, produit au fil de l'eau : CSV (UTF-8 avec BOM, séparateur « ; »), XLSX, GeoJSON ou IATI 2.03 ; ou rapport PDF lisible (critères, chiffres, 1 000 premiers projets).",
      tags: ["Atlas"],
      parameters: [
        {
          name: "format",
          in: "query",
          required: true,
          schema: { type: "string", enum: [...exportFormats] },
        },
        ...filterParameters,
      ],
      responses: {
        "200": {
          description: "Le fichier.",
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: { type: "string", contentEncoding: "binary" },
            },
            "application/geo+json": { schema: { type: "object" } },
            "application/xml": { schema: { type: "string" } },
            "application/pdf": { schema: { type: "string", contentEncoding: "binary" } },
          },
        },
        "400": openApiBadRequest,
      },
    },
  },
  "/api/v1/stats": {
    get: {
      summary: "Statistiques de l'Atlas regroupées",
      tags: ["Atlas"],
      parameters: [
        {
          name: "groupBy",
          in: "query",
          required: true,
          schema: { type: "string", enum: [...statGroups] },
        },
        {
          name: "crossBy",
          in: "query",
          required: false,
          description:
            "Une seconde dimension, autre que groupBy : la réponse est alors le tableau croisé complet.",
          schema: { type: "string", enum: [...statGroups] },
        },
        {
          name: "format",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["json", "csv"], default: "json" },
        },
        ...filterParameters,
      ],
      responses: {
        "200": {
          description:
            "Une ligne par valeur du regroupement ; avec crossBy, le tableau croisé (une colonne par valeur de la seconde dimension).",
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { type: "array", items: { $ref: "#/components/schemas/StatRow" } },
                  { $ref: "#/components/schemas/CrossTab" },
                ],
              },
            },
            "text/csv": { schema: { type: "string" } },
          },
        },
        "400": openApiBadRequest,
      },
    },
  },
  "/api/v1/stats/continents": {
    get: {
      summary: "Chiffres de l'Atlas par continent",
      tags: ["Atlas"],
      responses: {
        "200": {
          description: "Une ligne par continent.",
          content: {
            "application/json": {
              schema: { type: "array", items: { $ref: "#/components/schemas/ContinentRow" } },
            },
          },
        },
      },
    },
  },
};
