import type { LineReferences } from "../../src/modules/apd/index";
import type { LineChoices } from "./components/LineForm";

/** The line form's choices, as pairs the page can carry. */
export const lineChoices = (refs: LineReferences): LineChoices => ({
  recipients: [...refs.recipients],
  purposes: [...refs.purposes].map(([code, label]) => [code, `${code} – ${label}`]),
  projects: [...refs.projects],
});
