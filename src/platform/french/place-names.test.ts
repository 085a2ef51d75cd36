import { describe, expect, it } from "vitest";
import { collectiviteNameOf } from "../../modules/register/codes";
import { ofName, ofPlace, placeWithArticle, toName } from "./place-names";

describe("French place names", () => {
  it("writes départements and régions with the article of their TNCC", () => {
    expect(ofPlace("Finistère", 2)).toBe("du Finistère");
    expect(ofPlace("Manche", 3)).toBe("de la Manche");
    expect(ofPlace("Côtes-d'Armor", 4)).toBe("des Côtes-d'Armor");
    expect(ofPlace("Hauts-de-France", 4)).toBe("des Hauts-de-France");
    expect(ofPlace("Ille-et-Vilaine", 1)).toBe("d'Ille-et-Vilaine");
    expect(ofPlace("Ain", 5)).toBe("de l'Ain");
    expect(ofPlace("Paris", 0)).toBe("de Paris");
    expect(ofPlace("La Réunion", 0)).toBe("de La Réunion");
    expect(placeWithArticle("Finistère", 2)).toBe("le Finistère");
    expect(placeWithArticle("Ain", 5)).toBe("l'Ain");
    expect(placeWithArticle("Bretagne", 0)).toBe("Bretagne");
  });

  it("merges the article a commune's name carries", () => {
    expect(ofPlace("Le Mans", 2)).toBe("du Mans");
    expect(ofPlace("Les Sables-d'Olonne", 4)).toBe("des Sables-d'Olonne");
    expect(ofPlace("La Rochelle", 3)).toBe("de La Rochelle");
    expect(ofPlace("L'Haÿ-les-Roses", 5)).toBe("de L'Haÿ-les-Roses");
    expect(placeWithArticle("Le Mans", 2)).toBe("Le Mans");
  });

  it("names collectivités as they sign", () => {
    expect(collectiviteNameOf("departement", "Finistère", 2)).toBe("Département du Finistère");
    expect(collectiviteNameOf("departement", "Manche", 3)).toBe("Département de la Manche");
    expect(collectiviteNameOf("departement", "Côtes-d'Armor", 4)).toBe(
      "Département des Côtes-d'Armor",
    );
    expect(collectiviteNameOf("departement", "Ille-et-Vilaine", 1)).toBe(
      "Département d'Ille-et-Vilaine",
    );
    expect(collectiviteNameOf("region", "Bretagne", 0)).toBe("Région Bretagne");
    expect(collectiviteNameOf("commune", "Rennes", 0)).toBe("Rennes");
  });
});

describe("names of collectivités and bodies in a sentence", () => {
  it("gives the head noun its article after de and à", () => {
    expect(ofName("Région Bretagne")).toBe("de la Région Bretagne");
    expect(toName("Région Bretagne")).toBe("à la Région Bretagne");
    expect(ofName("Département du Finistère")).toBe("du Département du Finistère");
    expect(toName("Département du Finistère")).toBe("au Département du Finistère");
    expect(ofName("Eurométropole de Strasbourg")).toBe("de l'Eurométropole de Strasbourg");
    expect(toName("Établissement public territorial Grand-Orly")).toBe(
      "à l'Établissement public territorial Grand-Orly",
    );
    expect(ofName("Communauté d'agglomération du Pays basque")).toBe(
      "de la Communauté d'agglomération du Pays basque",
    );
    expect(ofName("Province de Kénitra")).toBe("de la Province de Kénitra");
    expect(ofName("Ville-d'Avray")).toBe("de Ville-d'Avray");
  });

  it("writes towns with the article they carry, or d' before a vowel", () => {
    expect(ofName("Rennes")).toBe("de Rennes");
    expect(ofName("Angers")).toBe("d'Angers");
    expect(ofName("Le Caire")).toBe("du Caire");
    expect(toName("Le Caire")).toBe("au Caire");
    expect(ofName("Les Abymes")).toBe("des Abymes");
    expect(toName("Les Abymes")).toBe("aux Abymes");
    expect(ofName("La Paz")).toBe("de La Paz");
    expect(toName("Rennes Métropole")).toBe("à Rennes Métropole");
    expect(toName("Finistère", 2)).toBe("au Finistère");
    expect(toName("Manche", 3)).toBe("à la Manche");
    expect(toName("Le Mans", 2)).toBe("au Mans");
    expect(toName("La Rochelle", 3)).toBe("à La Rochelle");
  });
});
