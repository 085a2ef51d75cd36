import { openApiBadRequest } from "../../platform/openapi";
import { totalGroups } from "./codes";
import { TOTALS_PAGE_MAX } from "./totals-queries";

/** The e-APD part of the open-data API description (OpenAPI 3.1). */
export const apdOpenApiSchemas = {
  ApdTotals: {
    type: "object",
    required: ["totalCents", "groupCount", "rows", "nextCursor"],
    properties: {
      totalCents: { type: "integer", description: "Total en centimes d'euro." },
      groupCount: { type: "integer", description: "Nombre de clés en tout (toutes pages)." },
      nextCursor: {
        type: ["string", "null"],
        description: "À passer en `cursor` pour la page suivante ; null sur la dernière.",
      },
      rows: {
        type: "array",
        items: {
          type: "object",
          required: ["key", "label", "amountCents"],
          properties: {
            key: { type: "string" },
            label: { type: "string" },
            amountCents: { type: "integer" },
          },
        },
      },
    },
  },
};

export const apdOpenApiPaths = {
  "/api/v1/apd/totals": {
    get: {
      summary: "Aide publique au développement déclarée, regroupée",
      description:
        "Déclarations transmises et acceptées (version en vigueur). `key` : code ISO du pays ou code régional CAD, code CAD du secteur, code INSEE, année, identifiant de collectivité ou type.",
      tags: ["e-APD"],
      parameters: [
        {
          name: "year",
          in: "query",
          required: false,
          description: "Année des dépenses ; sans elle, toutes les années.",
          schema: { type: "string", pattern: "^\\d{4}$" },
        },
        {
          name: "groupBy",
          in: "query",
          required: true,
          schema: { type: "string", enum: [...totalGroups] },
        },
        {
          name: "limit",
          in: "query",
          required: false,
          description: `Nombre de clés par page (${TOTALS_PAGE_MAX} au plus, et par défaut).`,
          schema: { type: "integer", minimum: 1, maximum: TOTALS_PAGE_MAX },
        },
        {
          name: "cursor",
          in: "query",
          required: false,
          description: "Le `nextCursor` de la page précédente.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": {
          description: "Le total et une ligne par clé.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/ApdTotals" } } },
        },
        "400": openApiBadRequest,
      },
    },
  },
};
