import { apdOpenApiPaths, apdOpenApiSchemas } from "../../../src/modules/apd/index";
import { atlasOpenApiPaths, atlasOpenApiSchemas } from "../../../src/modules/atlas/index";
import { bourseOpenApiPaths, bourseOpenApiSchemas } from "../../../src/modules/bourse/index";
import { appContext } from "../../context";
import { openDataHeaders } from "../../platform/api.server";
import type { Route } from "./+types/api-openapi";

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
          "Données publiques de l'action extérieure des collectivités territoriales : Atlas de la coopération décentralisée (projets, statistiques), aide publique au développement déclarée (e-APD), Bourse-partenariats. Aucune donnée personnelle de contact.",
        license: { name: "Licence Ouverte 2.0 (etalab-2.0)", identifier: "etalab-2.0" },
      },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: "Atlas", description: "Atlas français de la coopération décentralisée" },
        {
          name: "e-APD",
          description: "Aide publique au développement déclarée par les collectivités",
        },
        { name: "Bourse-partenariats", description: "Demandes de partenariat publiées" },
      ],
      paths: { ...atlasOpenApiPaths, ...apdOpenApiPaths, ...bourseOpenApiPaths },
      components: {
        schemas: { ...atlasOpenApiSchemas, ...apdOpenApiSchemas, ...bourseOpenApiSchemas },
      },
    },
    { headers: openDataHeaders },
  );
}
