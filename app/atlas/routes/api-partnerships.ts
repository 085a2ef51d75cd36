import { listPartnerships } from "../../../src/modules/atlas/index";
import { directoryResponse } from "../directory.server";
import type { Route } from "./+types/api-partnerships";

/** Open data: GET /api/v1/partnerships with the Atlas filters that apply, by id cursor. */
export function loader({ request, context }: Route.LoaderArgs) {
  return directoryResponse(request, context, listPartnerships);
}
