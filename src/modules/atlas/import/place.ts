import type { AuthorityPlace } from "../../register/index";
import { mayBeInCountry } from "../maps/world-geometry";
import type { ImportContext } from "./import-context";
import { comparable } from "./lookups";
import type { ImportError } from "./import-kinds";

/** "Commune de Dioffior", "City of Kumasi", "Municipio de Cusco": the city in an authority's name. */
const TOWN_HALL =
  /^(commune|ville|municipalit[ée]|mairie|cit[ée]|city|town|municipality|ciudad|municipio|municipalidad|alcald[ií]a|intendencia)\s+(de la |de l'|d'|de |du |des |of |del |de )/i;

/** The reference city an authority is at: the city named, else its own name, then its name without "Commune de". */
function knownCity(
  row: Record<string, string>,
  countryCode: string,
  name: string,
  cityByName: ImportContext["cityByName"],
) {
  const candidates = row.ville ? [row.ville] : [name, name.replace(TOWN_HALL, "")];
  for (const candidate of candidates) {
    const city = cityByName.get(`${countryCode}|${comparable(candidate)}`);
    if (city) return city;
  }
  return undefined;
}

/** A coordinate as people type it: a decimal point or a French decimal comma. */
function coordinate(text: string, limit: number): number | null {
  if (!/^[-+]?\d{1,3}([.,]\d+)?$/.test(text)) return null;
  const value = Number(text.replace(",", "."));
  return Math.abs(value) <= limit ? value : null;
}

/**
 * The place of a foreign authority new to the Atlas: the city named (or, by default, its
 * own name) when the reference list knows it, else the latitude and longitude given. An
 * authority is never added without a place: then the line says how to give one.
 */
export function placeOfNewAuthority(
  row: Record<string, string>,
  countryCode: string,
  name: string,
  context: Pick<ImportContext, "cityByName" | "labels">,
): { ok: true; place: AuthorityPlace } | { ok: false; errors: Omit<ImportError, "line">[] } {
  const latitudeText = (row.latitude ?? "").trim();
  const longitudeText = (row.longitude ?? "").trim();
  if (!latitudeText && !longitudeText) {
    const city = knownCity(row, countryCode, name, context.cityByName);
    if (city) return { ok: true, place: city };
    const countryName = context.labels.country.get(countryCode) ?? countryCode;
    return {
      ok: false,
      errors: [
        {
          column: "ville",
          message: row.ville
            ? `« ${row.ville} » n'est pas une ville connue (${countryName}) : vérifiez l'orthographe, ou placez l'autorité par sa latitude et sa longitude.`
            : `Indiquez la ville de l'autorité (son nom n'est pas celui d'une ville connue, ${countryName}), ou placez-la par sa latitude et sa longitude.`,
        },
      ],
    };
  }
  const errors: Omit<ImportError, "line">[] = [];
  const latitude = coordinate(latitudeText, 90);
  const longitude = coordinate(longitudeText, 180);
  if (!latitudeText)
    errors.push({ column: "latitude", message: "La latitude est obligatoire avec la longitude." });
  else if (latitude === null)
    errors.push({
      column: "latitude",
      message: `« ${latitudeText} » n'est pas une latitude : un nombre entre -90 et 90, positif au nord (exemple : 14,6928).`,
    });
  if (!longitudeText)
    errors.push({ column: "longitude", message: "La longitude est obligatoire avec la latitude." });
  else if (longitude === null)
    errors.push({
      column: "longitude",
      message: `« ${longitudeText} » n'est pas une longitude : un nombre entre -180 et 180, positif à l'est (exemple : -17,4467).`,
    });
  if (errors.length > 0 || latitude === null || longitude === null) return { ok: false, errors };
  if (!mayBeInCountry(countryCode, longitude, latitude))
    return {
      ok: false,
      errors: [
        {
          column: "latitude",
          message: `Le point (${latitudeText} ; ${longitudeText}) n'est pas dans le pays choisi (${context.labels.country.get(countryCode) ?? countryCode}) : vérifiez la latitude (nord positif) et la longitude (est positif).`,
        },
      ],
    };
  // A city of that name still gives its reference entry, with the point typed.
  const city = row.ville ? knownCity(row, countryCode, name, context.cityByName) : undefined;
  return { ok: true, place: { id: city?.id ?? null, latitude, longitude } };
}
