/** The page that sends again a form kept while its author signed in (resumable-submissions.ts). */
export const RESUME_PATH = "/connexion/reprise/";
