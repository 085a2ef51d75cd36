import { Readable } from "node:stream";
import { projectFichePdf } from "../../../src/modules/atlas/index";
import { appContext } from "../../context";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/project-pdf";

/** The fiche of a project as a PDF, named after the project. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db, config } = context.get(appContext);
  return guard(request, async () => {
    const id = idParam(params.projectId);
    const { body } = await projectFichePdf(db, id, {
      publicUrl: config.publicUrl,
      now: new Date(),
    });
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="atlas-projet-${id}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
