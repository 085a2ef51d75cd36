export {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  closeRequest,
  createRequest,
  confirmAuthorLink,
  openAuthorLink,
  renewRequest,
  resubmitRequest,
  submitRequest,
  triageRequest,
  updateRequest,
  type Upload,
} from "./request-commands";
export {
  actorCollectivites,
  expressInterest,
  matchFormValues,
  matchRequest,
} from "./interest-commands";
export { runRequestExpiry } from "./expiry";
export {
  checkRequest,
  citySuggestions,
  requestCountries,
  requestFields,
  requestFormValues,
  requestListFields,
  themeLabels,
} from "./request-input";
export { loadRequest, mayOnRequest, type RequestActor, type RequestRow } from "./request-access";
export {
  closeOffer,
  createOffer,
  decideOffer,
  giveOpinion,
  requestOpinions,
  requestOpinionsOn,
  revokeOfferOpinion,
  runOpinionDeadlines,
  submitOffer,
  updateOffer,
} from "./offer-commands";
export { loadOffer, mayOnOffer, type OfferRow } from "./offer-access";
export { checkOffer, offerFields, offerListFields } from "./offer-input";
export { decisionBlocker } from "./offer-workflow";
export { type OfferView, offerFormValues, offerView, publishedOffers } from "./offer-queries";
export {
  type PublicRequest,
  type PublicRequestFilters,
  bourseStats,
  parsePublicRequestFilters,
  publicRequestPlaces,
  publicRequests,
  publicRequestsByCountry,
} from "./public-queries";
export { authoredRequests, requestAttachment, requestView } from "./request-queries";
export { formLanguageOf, formLanguages } from "./codes";
export { bourseTexts } from "./texts/index";
export { type BourseTask, bourseTasks } from "./tasks-queries";
export { adminBourse, parseAdminBourseFilters } from "./admin-queries";
export {
  type RequestSuggestion,
  type Suggestion,
  rankCollectivites,
  requestsForCollectivite,
} from "./suggestions";
export { evaluateSuggestions } from "./suggestion-evaluation";
export { mailNewFollowLinks, purgeExpiredFollowLinks } from "./follow-links";

import { offerWorkflow } from "./offer-workflow";
import { requestWorkflow } from "./request-workflow";
/** The Bourse's workflows: requests of foreign authorities, offers of collectivités. */
export const workflows = [requestWorkflow, offerWorkflow] as const;
export { offerWorkflow, requestWorkflow };

import { offerExpiry, requestExpiry, requestExpiryReminder } from "./expiry";
import { consultationRules } from "../../platform/consultation/deadlines";
import { offerConsultation } from "./offer-consultation";
/** The Bourse's deadlines: publications reminded and ended, opinions reminded and overdue. */
export const deadlineRules = [
  requestExpiryReminder,
  requestExpiry,
  offerExpiry,
  ...consultationRules(offerConsultation),
] as const;

import type { TaskProvider } from "../../platform/tasks";
import { opinionTasks } from "../../platform/consultation/tasks";
import { bourseTasks as bourseTaskProvider } from "./tasks-queries";
/** What waits for a person in the Bourse, for the inbox of Mon espace. */
export const taskProviders: readonly TaskProvider[] = [
  bourseTaskProvider,
  opinionTasks(offerConsultation),
];
/** The records of the Bourse on which opinions are asked. */
export const consultationKinds = [offerConsultation] as const;
export { offerConsultation };
export { bourseOpenApiPaths, bourseOpenApiSchemas } from "./openapi";

import type { PersonalDataProvider } from "../../platform/personal-data";
import { boursePersonalData } from "./personal-data";
/** What the Bourse keeps about a person. */
export const personalDataProviders: readonly PersonalDataProvider[] = [boursePersonalData];
