import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Queryable } from "../db/client";
import { Invalid } from "../errors";
import { storedFiles } from "./stored-files-schema";

/** What an upload may be: PDF documents and photographs, detected from their bytes. */
export const acceptedUploadTypes: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
};

export interface CheckedUpload {
  fileName: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

/** A file name safe to show and to send back in a Content-Disposition header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .slice(-120);
  return cleaned.replace(/^\.+/, "") || "fichier";
}

/**
 * Checks an upload by its content, not its name or declared type: a page of HTML named
 * "devis.pdf" is refused. The message names the field and the file.
 */
export async function checkUpload(
  field: string,
  file: { name: string; content: Buffer },
  maxBytes: number,
): Promise<CheckedUpload> {
  const name = safeFileName(file.name);
  if (file.content.length === 0) throw new Invalid({ [field]: `Le fichier « ${name} » est vide.` });
  if (file.content.length > maxBytes)
    throw new Invalid({
      [field]: `Le fichier « ${name} » dépasse ${Math.round(maxBytes / 1024 / 1024)} Mo : réduisez-le ou envoyez-en un extrait.`,
    });
  const detected = await fileTypeFromBuffer(file.content);
  if (!detected || !(detected.mime in acceptedUploadTypes))
    throw new Invalid({
      [field]: `Le fichier « ${name} » n'est ni un PDF ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).`,
    });
  return {
    fileName: name,
    mediaType: detected.mime,
    content: file.content,
    sha256: createHash("sha256").update(file.content).digest("hex"),
  };
}

/** Stores a checked file; returns the key that finds it again. */
export async function storeFile(q: Queryable, file: CheckedUpload): Promise<string> {
  const key = randomUUID();
  await q.insert(storedFiles).values({
    key,
    mediaType: file.mediaType,
    byteSize: file.content.length,
    sha256: file.sha256,
    content: file.content,
  });
  return key;
}

export async function readStoredFile(q: Queryable, key: string) {
  const [file] = await q.select().from(storedFiles).where(eq(storedFiles.key, key));
  return file ?? null;
}

export async function deleteStoredFile(q: Queryable, key: string) {
  await q.delete(storedFiles).where(eq(storedFiles.key, key));
}
