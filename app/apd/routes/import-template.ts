import { lineImportTemplate } from "../../../src/modules/apd/index";
import { NotFound } from "../../../src/platform/errors";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/import-template";

/** The template of a declaration's line import; public, it holds no data. */
export async function loader({ request, params }: Route.LoaderArgs) {
  return guard(request, async () => {
    const format = params.format === "csv" || params.format === "xlsx" ? params.format : null;
    if (!format) throw new NotFound("Ce modèle n'existe pas.");
    const file = await lineImportTemplate(format);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      },
    });
  });
}
