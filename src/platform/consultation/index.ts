/**
 * Opinions (avis) asked of organisations on a module's records: one mechanism for every
 * module (decision 0026). A module declares its kind, asks, closes; the platform answers,
 * reminds, reads and lists the tasks.
 */
export {
  defineConsultation,
  type ConsultationKind,
  type ConsultedSubject,
  type ConsultedTarget,
} from "./kind";
export { askOpinions, closeConsultations, parseAsk, revokeOpinion, type AskInput } from "./ask";
export { giveOpinion, opinionSchema } from "./answer";
export {
  opinionAttachment,
  opinionCounts,
  awaitsOpinions,
  opinionsOn,
  type OpinionView,
  type OpinionsOn,
} from "./read";
export { consultationRules, OPINION_REMINDER_DAYS } from "./deadlines";
export { opinionTasks } from "./tasks";
export { consultations } from "./schema";
