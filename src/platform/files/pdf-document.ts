import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const fontPath = (name: string) =>
  require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/Marianne-${name}.woff`);

const BLUE_FRANCE = "#000091";
const GREY = "#666666";

/**
 * A tagged A4 PDF in the State's typeface (Marianne, from the DSFR), French, with its title
 * as document title: readers and screen readers announce it, and its text can be searched
 * and copied.
 */
export function newPdf(title: string) {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: "fr-FR",
    tagged: true,
    displayTitle: true,
    pdfVersion: "1.7",
    bufferPages: false,
    info: { Title: title, Author: "Portail AECT – DAECT", Creator: "Portail AECT" },
  });
  doc.registerFont("regular", fontPath("Regular"));
  doc.registerFont("bold", fontPath("Bold"));
  doc.font("regular");
  return doc;
}

type Doc = ReturnType<typeof newPdf>;

export function heading(doc: Doc, text: string, level: 1 | 2 = 2) {
  doc
    .moveDown(level === 1 ? 0 : 0.8)
    .font("bold")
    .fontSize(level === 1 ? 18 : 13)
    .fillColor(BLUE_FRANCE)
    .text(text)
    .moveDown(0.3)
    .font("regular")
    .fontSize(10)
    .fillColor("black");
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean } = {}) {
  doc
    .font("regular")
    .fontSize(10)
    .fillColor(options.muted ? GREY : "black")
    .text(text, { align: "left" })
    .fillColor("black");
}

/** "Label : value" lines, the label in bold. */
export function facts(doc: Doc, lines: [string, string][]) {
  for (const [label, value] of lines) {
    doc.font("bold").fontSize(10).text(`${label} : `, { continued: true });
    doc.font("regular").text(value || "—");
  }
}

/** The line at the top of each document: portal, section, date and where it comes from. */
export function masthead(
  doc: Doc,
  generatedAt: Date,
  section = "Atlas de la coopération décentralisée",
  origin = "à partir des données publiques de l'Atlas",
) {
  doc
    .font("bold")
    .fontSize(9)
    .fillColor(BLUE_FRANCE)
    .text(`RÉPUBLIQUE FRANÇAISE · Portail AECT · ${section}`)
    .font("regular")
    .fillColor(GREY)
    .text(
      `Document produit le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(generatedAt)} ${origin}.`,
    )
    .fillColor("black")
    .moveDown(1);
}
