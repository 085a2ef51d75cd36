import { consultationKinds as bourse } from "../../src/modules/bourse/index";
import type { ConsultationKind } from "../../src/platform/consultation/kind";

/** Every module's records on which opinions are asked. */
export const consultationKinds: readonly ConsultationKind[] = [...bourse];
