import { facts, heading, masthead, newPdf, paragraph } from "../../platform/files/pdf-document";
import { frenchEuros } from "../../platform/french-format";
import type { LabelledLine } from "./labels";

export interface ReceiptContent {
  reference: string;
  year: number;
  collectivite: string;
  number: number;
  submittedAt: Date;
  submittedBy: string;
  late: boolean;
  isNil: boolean;
  lines: LabelledLine[];
}

const dateTime = (date: Date) =>
  new Intl.DateTimeFormat("fr-FR", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(date);

/** Totals by beneficiary, largest first. */
function totalsByRecipient(lines: LabelledLine[]) {
  const totals = new Map<string, number>();
  for (const line of lines)
    totals.set(line.recipientLabel, (totals.get(line.recipientLabel) ?? 0) + line.amountCents);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The acknowledgement of receipt of a submission, as a tagged PDF. */
export async function receiptPdf(content: ReceiptContent): Promise<Buffer> {
  const title = `Accusé de réception – déclaration APD ${content.year} – ${content.collectivite}`;
  const doc = newPdf(title);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  masthead(
    doc,
    content.submittedAt,
    "Télédéclaration de l'aide publique au développement (e-APD)",
    "à partir de la déclaration transmise",
  );
  heading(doc, "Accusé de réception", 1);
  const total = content.lines.reduce((sum, line) => sum + line.amountCents, 0);
  facts(doc, [
    ["Référence", content.reference],
    ["Collectivité", content.collectivite],
    ["Dépenses de l'année", String(content.year)],
    ["Version", String(content.number)],
    ["Transmise le", dateTime(content.submittedAt)],
    ["Par", content.submittedBy],
    ["Délai", content.late ? "transmise après la date limite (en retard)" : "dans les délais"],
    ["Total déclaré", content.isNil ? "déclaration néant" : frenchEuros(total)],
    ["Nombre de lignes", String(content.lines.length)],
  ]);
  paragraph(
    doc,
    "Déclaration faite au titre de l'article L.1115-6 du code général des collectivités territoriales. Elle est comptabilisée dans l'aide publique au développement déclarée par la France au Comité d'aide au développement de l'OCDE.",
    { muted: true },
  );
  if (!content.isNil) {
    heading(doc, "Total par pays ou région bénéficiaire");
    for (const [recipient, cents] of totalsByRecipient(content.lines))
      facts(doc, [[recipient, frenchEuros(cents)]]);
    heading(doc, "Lignes déclarées");
    content.lines.forEach((line, i) => {
      doc
        .font("bold")
        .fontSize(10)
        .text(`${i + 1}. ${line.recipientLabel} – ${frenchEuros(line.amountCents)}`);
      doc
        .font("regular")
        .fontSize(9)
        .text(`${line.purposeLabel} · ${line.flowLabel} · ${line.channelLabel}`);
      if (line.description) doc.text(line.description);
      doc.moveDown(0.3);
    });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
