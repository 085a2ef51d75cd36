/**
 * OECD DAC CRS purpose code (5 digits, IATI Sector vocabulary 1) closest to each Atlas
 * thématique, so that Atlas projects can be reported in the IATI standard. Several
 * thématiques share a code where the CRS list is coarser than the Atlas.
 */
export const themeDacPurpose: Record<string, string> = {
  "jeunesse-formation": "11330",
  education: "11220",
  sante: "12220",
  recherche: "11420",
  gouvernance: "15112",
  "action-economique": "25030",
  tourisme: "33210",
  numerique: "22040",
  agriculture: "31120",
  "francophonie-economique": "25030",
  patrimoine: "16066",
  culture: "16066",
  sport: "16065",
  francophonie: "16066",
  "aide-developpement": "43010",
  "transfrontalier-europe": "43030",
  urgence: "72010",
  migrations: "15190",
  climat: "41010",
  "developpement-durable": "41010",
  "eau-assainissement": "14030",
  energie: "23210",
  dechets: "14050",
};
