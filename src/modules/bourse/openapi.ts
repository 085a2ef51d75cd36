import { openApiBadRequest } from "../../platform/openapi";
import { publicRequestStatuses } from "./codes";
import { foreignAuthorityKinds } from "../register/index";

/** The Bourse part of the open-data API description (OpenAPI 3.1). */
const query = (name: string, description: string, schema: object) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

export const bourseOpenApiSchemas = {
  BourseRequest: {
    type: "object",
    description: "Une demande publiée, sans coordonnée de contact.",
    properties: {
      id: { type: "integer" },
      status: { type: "string", enum: [...publicRequestStatuses] },
      title: { type: "string" },
      summary: { type: "string" },
      formLanguage: {
        type: "string",
        enum: ["fr", "en", "es"],
        description: "Langue dans laquelle l'auteur a rédigé le titre et la description.",
      },
      authorityName: { type: "string" },
      authorityKind: { type: "string", enum: [...foreignAuthorityKinds] },
      countryCode: { type: "string" },
      country: { type: "string" },
      continent: { type: "string" },
      city: { type: "string" },
      latitude: { type: ["number", "null"] },
      longitude: { type: ["number", "null"] },
      themes: { type: "array", items: { type: "string" } },
      partnerKind: { type: "string" },
      partnerSize: { type: "string" },
      budgetCents: { type: ["integer", "null"] },
      languages: { type: "array", items: { type: "string" } },
      publishedAt: { type: "string", format: "date-time" },
      expiresAt: { type: ["string", "null"], format: "date-time" },
    },
  },
};

export const bourseOpenApiPaths = {
  "/api/v1/bourse/requests": {
    get: {
      summary: "Demandes de partenariat publiées sur la Bourse",
      tags: ["Bourse-partenariats"],
      parameters: [
        query("status", "État de la demande publiée.", {
          type: "string",
          enum: [...publicRequestStatuses],
        }),
        query("country", "Pays (ISO 3166-1 alpha-2).", { type: "string", pattern: "^[A-Z]{2}$" }),
        query("continent", "Continent.", { type: "string" }),
        query("theme", "Thématique (code).", { type: "string" }),
        query("authorityKind", "Type d'autorité.", {
          type: "string",
          enum: [...foreignAuthorityKinds],
        }),
        query("from", "Publiées depuis (AAAA-MM-JJ).", { type: "string", format: "date" }),
        query("to", "Publiées jusqu'au (AAAA-MM-JJ).", { type: "string", format: "date" }),
        query("q", "Mots-clés.", { type: "string", maxLength: 200 }),
        query("page", "Page (100 demandes par page).", { type: "string", pattern: "^\\d{1,6}$" }),
      ],
      responses: {
        "200": {
          description: "Une page de demandes publiées, la plus récente d'abord.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["total", "page", "pageCount", "requests"],
                properties: {
                  total: { type: "integer" },
                  page: { type: "integer" },
                  pageCount: { type: "integer" },
                  requests: {
                    type: "array",
                    items: { $ref: "#/components/schemas/BourseRequest" },
                  },
                },
              },
            },
          },
        },
        "400": openApiBadRequest,
      },
    },
  },
  "/api/v1/bourse/stats": {
    get: {
      summary: "Chiffres clés de la Bourse",
      tags: ["Bourse-partenariats"],
      responses: {
        "200": {
          description: "Demandes publiées, autorités étrangères, pays.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["requests", "foreignAuthorities", "countries"],
                properties: {
                  requests: { type: "integer" },
                  foreignAuthorities: { type: "integer" },
                  countries: { type: "integer" },
                },
              },
            },
          },
        },
      },
    },
  },
};
