import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import {
  type ApdChannel,
  type ApdFlow,
  apdChannelLabels,
  apdFlowLabels,
  apdRegions,
} from "./codes";
import type { ApdLine } from "./line-input";

export interface ApdLabels {
  recipient(code: string): string;
  purpose(code: string): string;
}

/** Names of every country, region and purpose code, for lines however old. */
export async function apdLabels(q: Queryable): Promise<ApdLabels> {
  const rows = rowsOf<{ kind: string; code: string; label: string }>(
    await q.execute(sql`
      SELECT 'country' AS kind, code, name_fr AS label FROM ref_countries
      UNION ALL
      SELECT 'purpose', code, label_fr FROM ref_codes WHERE list = 'dac_purpose'`),
  );
  const recipients = new Map(apdRegions.map((region) => [region.code, region.label]));
  const purposes = new Map<string, string>();
  for (const row of rows) (row.kind === "country" ? recipients : purposes).set(row.code, row.label);
  return {
    recipient: (code) => recipients.get(code) ?? code,
    purpose: (code) => purposes.get(code) ?? code,
  };
}

export interface LabelledLine extends ApdLine {
  id: number;
  recipientLabel: string;
  purposeLabel: string;
  flowLabel: string;
  channelLabel: string;
}

export function labelLines(lines: (ApdLine & { id: number })[], labels: ApdLabels): LabelledLine[] {
  return lines.map((line) => ({
    ...line,
    recipientLabel: labels.recipient(line.recipientCode),
    purposeLabel: `${line.purposeCode} – ${labels.purpose(line.purposeCode)}`,
    flowLabel: apdFlowLabels[line.flow as ApdFlow],
    channelLabel: apdChannelLabels[line.channel as ApdChannel],
  }));
}
