import { data } from "react-router";
import { placingMap } from "../../../src/modules/atlas/index";
import type { Route } from "./+types/placing-map";

/**
 * A country's outline and the projection it was drawn with, for the place picker of a form
 * whose country is chosen on the page (public/js/placer.js). Public, like every outline.
 */
export function loader({ params }: Route.LoaderArgs) {
  const code = params.countryCode ?? "";
  const map = /^[A-Z]{2}$/.test(code) ? placingMap(code) : null;
  if (!map) throw data("Aucun contour pour ce code de pays.", { status: 404 });
  return Response.json(map, { headers: { "Cache-Control": "public, max-age=86400" } });
}
