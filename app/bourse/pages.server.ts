import {
  actorCollectivites,
  closeOffer,
  decideOffer,
  giveOpinion,
  offerView,
  rankCollectivites,
  requestFormValues,
  requestOpinions,
  revokeOfferOpinion,
  submitOffer,
  updateOffer,
  type RequestActor,
  type Upload,
  citySuggestions,
  closeRequest,
  expressInterest,
  renewRequest,
  requestCountries,
  requestView,
  resubmitRequest,
  submitRequest,
  themeLabels,
  triageRequest,
  updateRequest,
} from "../../src/modules/bourse/index";
import { foreignAuthorityKindLabels } from "../../src/modules/register/index";
import {
  partnerKindLabels,
  partnerSizeLabels,
  requestLanguageLabels,
} from "../../src/modules/bourse/codes";
import type { Actor } from "../../src/platform/auth/actor";
import type { Db, Queryable } from "../../src/platform/db/client";
import { Forbidden, Invalid } from "../../src/platform/errors";
import { formToValues } from "../../src/platform/validation";
import type { OfferFormChoices } from "./components/OfferForm";
import type { RequestFormChoices } from "./components/RequestForm";
import { uploadedFiles } from "../platform/download.server";
import { type PageLanguage, languageOf } from "../../src/platform/i18n/languages";
import { type BourseKey, bourseTexts } from "../../src/modules/bourse/texts/index";
import { countryChoicesIn, countryNameIn } from "../../src/reference/country-names";

type RequestViewData = Awaited<ReturnType<typeof requestView>>;

/** The request form's choices in the form's language, with the cities of the chosen country. */
export async function requestFormChoices(
  q: Queryable,
  countryCode: string,
  lang: PageLanguage = "fr",
): Promise<RequestFormChoices> {
  const t = bourseTexts(lang);
  // Codes in the order of the French lists; names in the reader's language.
  const named = (
    list: "authorityKinds" | "partnerKinds" | "partnerSizes" | "languages" | "themes",
    codes: Iterable<string>,
  ) =>
    [...codes].map((code): [string, string] => [code, t(`options.${list}.${code}` as BourseKey)]);
  const themes = named("themes", themeLabels.keys());
  return {
    authorityKinds: named("authorityKinds", Object.keys(foreignAuthorityKindLabels)),
    themes: lang === "fr" ? themes : themes.sort((a, b) => a[1].localeCompare(b[1], lang)),
    partnerKinds: named("partnerKinds", Object.keys(partnerKindLabels)),
    partnerSizes: named("partnerSizes", Object.keys(partnerSizeLabels)),
    languages: named("languages", Object.keys(requestLanguageLabels)),
    cities: countryCode ? await citySuggestions(q, countryCode) : [],
  };
}

/** The countries a request may come from, named in the form's language, and the chosen one. */
export async function countryChoice(
  q: Queryable,
  code: string | null | undefined,
  lang: PageLanguage = "fr",
) {
  const countries = countryChoicesIn(lang, await requestCountries(q));
  const chosen = countries.find(([known]) => known === code);
  return { countries, country: chosen ? { code: chosen[0], name: chosen[1] } : null };
}

/**
 * Reads a multipart form: its fields (lists kept) and its uploaded files. The HTTP server has
 * already cut the body at what five attachments may weigh (platform/http/body-limits).
 */
export async function readUploadForm(request: Request, listFields: readonly string[]) {
  const form = await request.formData();
  return { values: formToValues(form, listFields), uploads: await uploadedFiles(form, "pieces") };
}

/**
 * The request page's forms, by intent, for a signed-in reader or an author holding its
 * private link (who may only act as the author).
 */
export async function requestPageAction(
  db: Db,
  who: RequestActor,
  requestId: number,
  values: Record<string, string | string[]>,
  uploads: Upload[],
  publicUrl: string,
  /** The language of the page the author acts from. */
  lang: PageLanguage = "fr",
): Promise<{ ok: true; message: string }> {
  const t = bourseTexts(lang);
  const text = (name: string) =>
    typeof values[name] === "string" ? (values[name] as string) : undefined;
  const version = text("version");
  const signedIn = "actor" in who ? who.actor : null;
  switch (values.intent) {
    case "request":
      await updateRequest(db, who, requestId, values, uploads);
      return { ok: true, message: t("outcomes.saved") };
    case "submit":
      await submitRequest(db, who, requestId, version, publicUrl);
      return { ok: true, message: t("outcomes.submitted") };
    case "resubmit":
      await resubmitRequest(db, who, requestId, version, publicUrl);
      return { ok: true, message: t("outcomes.resubmitted") };
    case "renew":
      await renewRequest(db, who, requestId, version);
      return { ok: true, message: t("outcomes.renewed") };
    case "close":
      await closeRequest(db, who, requestId, version, text("reason") ?? "");
      return { ok: true, message: t("outcomes.closed") };
    case "triage":
      if (!signedIn) break;
      await triageRequest(
        db,
        signedIn,
        requestId,
        { decision: text("decision"), message: text("message"), version },
        publicUrl,
      );
      return {
        ok: true,
        message: "La décision est enregistrée ; l'auteur en est informé par courriel.",
      };
    case "interest":
      if (!signedIn) break;
      await expressInterest(
        db,
        signedIn,
        requestId,
        { collectiviteId: text("collectiviteId"), message: text("message") },
        publicUrl,
      );
      return {
        ok: true,
        message:
          "Votre intérêt est transmis à l'autorité, à l'ambassade et à la DAECT. Les coordonnées de l'autorité figurent ci-dessous.",
      };
  }
  await requestView(db, who, requestId);
  throw new Invalid({ intent: "Cette action n'existe pas sur une demande." });
}

/**
 * The language of a request page: the one asked for (`?langue=`), else the author's own
 * for its author, French for everyone else.
 */
export function readerLanguage(view: RequestViewData, url: URL): PageLanguage {
  const asked = url.searchParams.get("langue");
  if (asked) return languageOf(asked);
  return view.abilities.author ? languageOf(view.request.formLanguage) : "fr";
}

/** The collectivités in whose name the reader writes offers: only agents of one do. */
export async function offerCollectivites(q: Queryable, actor: Actor) {
  const own = await actorCollectivites(q, actor);
  if (own.length === 0)
    throw new Forbidden(
      "Seuls les agents d'une collectivité française inscrite au portail déposent une offre de partenariat.",
    );
  return own;
}

/** The offer form's choices. */
export async function offerFormChoices(q: Queryable, actor: Actor): Promise<OfferFormChoices> {
  const own = await offerCollectivites(q, actor);
  return {
    themes: [...themeLabels.entries()],
    countries: [...(await requestCountries(q)).entries()],
    collectivites: own.map((row) => [String(row.id), row.name]),
  };
}

/** The offer page's forms, by intent. */
export async function offerPageAction(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | string[]>,
  publicUrl: string,
  attachment: Upload | null = null,
): Promise<{ ok: true; message: string }> {
  const text: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  switch (values.intent) {
    case "offer":
      await updateOffer(db, actor, offerId, values);
      return { ok: true, message: "L'offre est enregistrée." };
    case "submit":
      await submitOffer(db, actor, offerId, text.version, publicUrl);
      return { ok: true, message: "L'offre est transmise à la DAECT." };
    case "close":
      await closeOffer(db, actor, offerId, text.version);
      return { ok: true, message: "L'offre est close." };
    case "opinions":
      await requestOpinions(db, actor, offerId, text, publicUrl);
      return {
        ok: true,
        message: "Les avis sont demandés ; la préfecture et les ambassades sont prévenues.",
      };
    case "opinion":
      await giveOpinion(db, actor, offerId, text, publicUrl, attachment);
      return { ok: true, message: "Votre avis est enregistré et transmis à la DAECT." };
    case "revoke-opinion":
      await revokeOfferOpinion(db, actor, offerId, text, publicUrl);
      return {
        ok: true,
        message: "La demande d'avis est retirée ; le service consulté en est informé.",
      };
    case "decide":
      await decideOffer(db, actor, offerId, text, publicUrl);
      return {
        ok: true,
        message: "La décision est enregistrée ; la collectivité en est informée par courriel.",
      };
  }
  await offerView(db, actor, offerId);
  throw new Invalid({ intent: "Cette action n'existe pas sur une offre." });
}

/**
 * What both request pages (signed-in and private link) show beside the view: the author's
 * form while the request can change, and the suggested collectivités for those who see them.
 */
export async function requestPageData(
  q: Queryable,
  view: RequestViewData,
  lang: PageLanguage = "fr",
) {
  const { request, contact, abilities } = view;
  const { countryCode, themes, partnerKind, partnerSize } = request;
  const t = bourseTexts(lang);
  const shown =
    lang === "fr"
      ? view
      : {
          ...view,
          request: { ...request, country: countryNameIn(lang, countryCode, request.country) },
          history: view.history.map((step) => ({
            ...step,
            label: t(`history.${step.event}` as BourseKey),
          })),
        };
  return {
    pageLanguage: lang,
    view: shown,
    stored: abilities.edit && contact ? requestFormValues({ ...request, ...contact }) : null,
    choices: abilities.edit ? await requestFormChoices(q, countryCode, lang) : null,
    suggestions: abilities.suggestions
      ? await rankCollectivites(
          q,
          { countryCode, themes, partnerKind, partnerSize },
          { limit: 10, lang },
        )
      : [],
  };
}
