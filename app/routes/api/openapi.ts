import { atlasOpenApiPaths, atlasOpenApiSchemas } from "../../../src/modules/atlas/openapi";
import { appContext } from "../../context";
import { openDataHeaders } from "../../lib/api.server";
import type { Route } from "./+types/openapi";

/** The OpenAPI 3.1 description of the open-data API, assembled from each module's part. */
export async function loader({ context }: Route.LoaderArgs) {
  const { config } = context.get(appContext);
  return Response.json(
    {
      openapi: "3.1.0",
      info: {
        title: "API de données ouvertes du Portail AECT",
        version: "1.0.0",
        description:
          "Données publiques de l'action extérieure des collectivités territoriales : Atlas de la coopération décentralisée (projets, statistiques). Aucune donnée personnelle de contact.",
        license: { name: "Licence Ouverte 2.0 (etalab-2.0)", identifier: "etalab-2.0" },
      },
      servers: [{ url: config.publicUrl }],
      tags: [{ name: "Atlas", description: "Atlas français de la coopération décentralisée" }],
      paths: { ...atlasOpenApiPaths },
      components: { schemas: { ...atlasOpenApiSchemas } },
    },
    { headers: openDataHeaders },
  );
}
