/**
 * A stored file sent back to its reader: always a download with the type detected at upload
 * (every response carries nosniff), never shown inline, never cached by a shared cache.
 */
export function fileDownload(file: { fileName: string; mediaType: string; content: Buffer }) {
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
}

/** The files sent in a multipart form's field (an empty file input sends none). */
export async function uploadedFiles(form: FormData, field: string) {
  const files: { name: string; content: Buffer }[] = [];
  for (const file of form.getAll(field))
    if (file instanceof File && (file.size > 0 || file.name))
      files.push({ name: file.name, content: Buffer.from(await file.arrayBuffer()) });
  return files;
}
