import { type DefaultTreeAdapterMap, parse } from "parse5";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

const attribute = (element: Element, name: string) =>
  element.attrs.find((attr) => attr.name === name)?.value;

function elementsOf(node: Node, found: Element[] = []): Element[] {
  if ("tagName" in node) found.push(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) elementsOf(child, found);
  // A template's content is a fragment of its own.
  if ("content" in node && node.content) elementsOf(node.content, found);
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

function hasAncestor(element: Element, tagName: string): boolean {
  let parent = element.parentNode;
  while (parent && "tagName" in parent) {
    if (parent.tagName === tagName) return true;
    parent = parent.parentNode;
  }
  return false;
}

const FIELDS_WITHOUT_LABEL = new Set(["hidden", "submit", "button", "reset", "image"]);
/** Fields that ask a person about themself: their purpose is declared (RGAA 11.13). */
const PERSONAL_FIELDS = new Set(["displayName", "givenName", "familyName", "password"]);
const HTML = "http://www.w3.org/1999/xhtml";
const NEW_WINDOW = /nouvelle fenêtre|new window|nueva ventana/i;

/**
 * The RGAA criteria a program can judge on one page's HTML, as the audit grid
 * (src/platform/accessibility/rgaa-grid.ts) says they are checked on every page. Returns
 * one line per fault, starting with the criterion's number.
 */
export function rgaaFaults(html: string): string[] {
  const faults: string[] = [];
  const syntax: string[] = [];
  const document = parse(html, {
    onParseError: (error) => syntax.push(`${error.code} (ligne ${error.startLine})`),
  });
  const elements = elementsOf(document);
  const byTag = (tag: string) => elements.filter((element) => element.tagName === tag);
  const ids = new Map<string, number>();
  for (const element of elements) {
    const id = attribute(element, "id");
    if (id !== undefined) ids.set(id, (ids.get(id) ?? 0) + 1);
  }

  if (!/^<!DOCTYPE html>/i.test(html.trimStart())) faults.push("8.1 pas de type de document");
  for (const error of syntax) faults.push(`8.2 erreur d'analyse HTML : ${error}`);
  for (const [id, count] of ids)
    if (count > 1) faults.push(`8.2 identifiant « ${id} » répété ${count} fois`);
  const lang = attribute(byTag("html")[0], "lang");
  if (!lang || !["fr", "en", "es"].includes(lang)) faults.push(`8.3 langue « ${lang} »`);
  for (const element of elements) {
    const inner = attribute(element, "lang");
    if (inner !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/.test(inner))
      faults.push(`8.8 code de langue « ${inner} »`);
  }
  // The document's titles, not those of its drawings: the page's own words, then the site's.
  const titles = byTag("title").filter((title) => title.namespaceURI === HTML);
  const title = titles.map(textOf).join("").trim();
  if (titles.length !== 1 || !/^\S.* – \S/.test(title)) faults.push(`8.5/8.6 titre « ${title} »`);

  // A dialog (the DSFR's display settings) titles itself with its own h1.
  const pageTitles = byTag("h1").filter((h1) => !hasAncestor(h1, "dialog"));
  if (pageTitles.length !== 1) faults.push(`9.1 ${pageTitles.length} titres h1`);
  if (byTag("main").length !== 1) faults.push("9.2 pas une seule zone main");
  if (byTag("header").length === 0 || byTag("footer").length === 0)
    faults.push("9.2 en-tête ou pied de page absent");

  const skipLinks = elements.filter((element) => isLinkInside(element, "fr-skiplinks"));
  if (skipLinks.length === 0) faults.push("12.7 pas de lien d'évitement");
  for (const link of skipLinks) {
    const target = attribute(link, "href")?.slice(1) ?? "";
    if (!ids.has(target)) faults.push(`12.7 lien d'évitement vers « #${target} » absent`);
  }

  for (const image of byTag("img"))
    if (attribute(image, "alt") === undefined)
      faults.push(`1.1 image sans alt : ${attribute(image, "src")}`);
  for (const svg of byTag("svg"))
    if (
      attribute(svg, "role") === "img" &&
      !attribute(svg, "aria-label") &&
      !attribute(svg, "aria-labelledby") &&
      !svg.childNodes.some((child) => child.nodeName === "title")
    )
      faults.push("1.1 image vectorielle sans nom");

  for (const table of byTag("table")) {
    const named =
      table.childNodes.some((child) => child.nodeName === "caption") ||
      attribute(table, "aria-label") ||
      attribute(table, "aria-labelledby");
    if (!named) faults.push("5.4 tableau sans titre");
    if (!elementsOf(table).some((cell) => cell.tagName === "th"))
      faults.push("5.6 tableau sans en-tête");
  }

  const labelled = new Set(
    byTag("label")
      .map((label) => attribute(label, "for"))
      .filter((id): id is string => id !== undefined),
  );
  for (const field of [...byTag("input"), ...byTag("select"), ...byTag("textarea")]) {
    const type = attribute(field, "type") ?? "text";
    if (field.tagName === "input" && FIELDS_WITHOUT_LABEL.has(type)) continue;
    const name = attribute(field, "name") ?? "";
    const id = attribute(field, "id");
    const hasLabel =
      (id !== undefined && labelled.has(id)) ||
      attribute(field, "aria-label") ||
      attribute(field, "aria-labelledby") ||
      attribute(field, "title") ||
      hasAncestor(field, "label");
    if (!hasLabel) faults.push(`11.1 champ « ${name} » sans étiquette`);
    if (
      (PERSONAL_FIELDS.has(name) || type === "password") &&
      attribute(field, "autocomplete") === undefined
    )
      faults.push(`11.13 champ « ${name} » sans autocomplete`);
  }

  for (const link of byTag("a"))
    if (attribute(link, "target") === "_blank" && !NEW_WINDOW.test(attribute(link, "title") ?? ""))
      faults.push(`13.2 lien « ${textOf(link).trim()} » ouvrant une fenêtre sans le dire`);
  return faults;
}

/** A link within an element of this class. */
function isLinkInside(element: Element, className: string): boolean {
  if (element.tagName !== "a") return false;
  let parent = element.parentNode;
  while (parent && "tagName" in parent) {
    if ((attribute(parent, "class") ?? "").split(/\s+/).includes(className)) return true;
    parent = parent.parentNode;
  }
  return false;
}
