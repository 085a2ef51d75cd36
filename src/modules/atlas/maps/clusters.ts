import Supercluster from "supercluster";

export interface MapPoint {
  id: number;
  name: string;
  longitude: number;
  latitude: number;
  weight: number;
}

export interface PlacedCluster {
  x: number;
  y: number;
  /** How many points the circle stands for, and their total weight (partnerships…). */
  points: number;
  weight: number;
  /** Names of the points, the first few, for the circle's tooltip. */
  names: string[];
}

/**
 * Groups points that would overlap on a drawing `widthPx` wide showing `lonSpan` degrees,
 * then places each group with `project`. The zoom is chosen so that a cluster's radius is
 * about 20 px on the drawing.
 */
export function clusterPoints(
  points: MapPoint[],
  lonSpan: number,
  widthPx: number,
  project: (longitude: number, latitude: number) => [number, number] | null,
): PlacedCluster[] {
  if (points.length === 0) return [];
  const index = new Supercluster<MapPoint, { weight: number; names: string[] }>({
    radius: 40,
    maxZoom: 16,
    map: (point) => ({ weight: point.weight, names: [point.name] }),
    reduce: (total, point) => {
      total.weight += point.weight;
      if (total.names.length < 5) total.names.push(...point.names.slice(0, 5 - total.names.length));
    },
  });
  index.load(
    points.map((point) => ({
      type: "Feature" as const,
      properties: point,
      geometry: { type: "Point" as const, coordinates: [point.longitude, point.latitude] },
    })),
  );
  const degreesPerPixel = Math.max(lonSpan, 0.01) / widthPx;
  const zoom = Math.max(0, Math.min(16, Math.floor(Math.log2(360 / (256 * degreesPerPixel)))));
  return index.getClusters([-180, -85, 180, 85], zoom).flatMap((cluster) => {
    const [longitude, latitude] = cluster.geometry.coordinates;
    const at = project(longitude, latitude);
    if (!at) return [];
    const properties = cluster.properties as Partial<{
      cluster: boolean;
      point_count: number;
      weight: number;
      names: string[];
      name: string;
    }>;
    return [
      {
        x: Math.round(at[0] * 10) / 10,
        y: Math.round(at[1] * 10) / 10,
        points: properties.cluster ? (properties.point_count ?? 1) : 1,
        weight: properties.weight ?? 1,
        names: properties.cluster ? (properties.names ?? []) : [properties.name ?? ""],
      },
    ];
  });
}
