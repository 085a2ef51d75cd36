import type express from "express";
import { escapeHtml } from "../src/platform/mail/outbox";

/**
 * A French error page answered by the HTTP server itself, before any page code runs (a body
 * too large, an export queue full): the DSFR look, no script, a way back.
 */
export function sendErrorPage(
  response: express.Response,
  status: number,
  title: string,
  message: string,
  headers: Record<string, string> = {},
) {
  if (response.headersSent) return;
  response.status(status).set({ "Cache-Control": "no-store", ...headers });
  const wantsJson = /json/.test(String(response.req.headers.accept ?? ""));
  if (wantsJson || response.req.path.startsWith("/api/")) {
    response.json({ error: message });
    return;
  }
  response
    .type("html")
    .send(
      `<!doctype html><html lang="fr" data-fr-scheme="light"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)} – Portail AECT</title>` +
        `<link rel="stylesheet" href="/dsfr/dsfr.min.css"></head><body>` +
        `<main id="contenu" class="fr-container fr-py-6w"><h1>${escapeHtml(title)}</h1>` +
        `<div class="fr-alert fr-alert--error"><p>${escapeHtml(message)}</p></div>` +
        `<p class="fr-mt-4w"><a class="fr-link" href="/">Retour à l'accueil</a></p>` +
        `</main></body></html>`,
    );
}
