import type { ExportProject } from "./export-rows";

export {
  csvChunks,
  csvHeader,
  toNodeStream,
  xlsxStream,
} from "../../../platform/files/table-export";

type Batches = AsyncIterable<ExportProject[]>;

/** GeoJSON FeatureCollection; a project with no known place has a null geometry. */
export async function* geojsonChunks(
  batches: Batches,
  describe: (project: ExportProject) => Record<string, unknown>,
) {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of batches) {
    const features = batch.map((project) =>
      JSON.stringify({
        type: "Feature",
        id: project.id,
        geometry:
          project.latitude === null || project.longitude === null
            ? null
            : { type: "Point", coordinates: [project.longitude, project.latitude] },
        properties: describe(project),
      }),
    );
    if (features.length === 0) continue;
    yield (first ? "" : ",") + features.join(",");
    first = false;
  }
  yield "]}";
}
