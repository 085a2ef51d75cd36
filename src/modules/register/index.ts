/**
 * The register of organisations (docs/decisions/0027): French collectivités by their
 * official unit, foreign local authorities, and how to write to them. Its tables are the
 * read model other modules join in their queries (`${collectivites}` in SQL, never the
 * table's name); they change only through the register's and the Atlas's commands.
 */
export {
  collectiviteKinds,
  collectiviteNameOf,
  type CollectiviteKind,
  foreignAuthorityKinds,
  type ForeignAuthorityKind,
  collectiviteKindLabels,
  foreignAuthorityKindLabels,
} from "./codes";
export { collectivites, foreignAuthorities } from "./schema";
export { collectiviteLabel, collectiviteNames, collectiviteOwner } from "./collectivites";
export {
  type CollectiviteRecipient,
  collectiviteRecipients,
  mailCollectivites,
  collectiviteAction,
  accessRequestPath,
} from "./collectivite-recipients";
export {
  type AuthorityPlace,
  type CollectiviteProfileFields,
  addForeignAuthority,
  organisationOfEntry,
  collectiviteFromReference,
  replaceByCommuneNouvelle,
  writeCollectiviteProfile,
  writeForeignAuthority,
  writeOfficialNames,
} from "./writes";
export {
  type FoundOrganisation,
  type OrganisationGroup,
  chosenCollectivite,
  collectiviteOfUnit,
  referenceUnitName,
  findOrganisations,
  organisationGroupLabels,
  organisationGroups,
} from "./search";
