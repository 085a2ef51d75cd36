import { z } from "zod";

/** Runtime configuration, read once from the environment and validated. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "PORT doit être un nombre" })
    .int("PORT doit être un entier")
    .min(0, "PORT doit être compris entre 0 et 65535")
    .max(65535, "PORT doit être compris entre 0 et 65535")
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL doit commencer par postgres:// ou postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL doit commencer par smtp:// ou smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Portail AECT <ne-pas-repondre@portail-aect.example.org>"),
  PUBLIC_URL: z.url("PUBLIC_URL doit être une URL complète (https://…)").optional(),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET doit compter au moins 32 caractères")
    .optional(),
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      "TRUST_PROXY doit être un nombre de relais ou une liste d'adresses ou de plages séparées par des virgules (ex. « 10.0.0.1, loopback »)",
    )
    .optional(),
  OIDC_ISSUER_URL: z
    .url("OIDC_ISSUER_URL doit être l'URL de l'émetteur ProConnect (https://…)")
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: "SESSION_IDLE_MINUTES doit être un nombre de minutes" })
    .int("SESSION_IDLE_MINUTES doit être un nombre entier de minutes")
    .min(5, "SESSION_IDLE_MINUTES doit valoir au moins 5")
    .max(720, "SESSION_IDLE_MINUTES doit valoir au plus 720 (la durée maximale d'une session)")
    .default(120),
});

export interface AppConfig {
  env: "development" | "production" | "test";
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sessionSecret: string;
  /** Whether the demo dataset may be loaded into an empty database. */
  seedDemo: boolean;
  logLevel: string;
  mailWorkerIntervalMs: number;
  /** Express "trust proxy": false (default), a number of hops, or addresses and ranges. */
  trustProxy: boolean | number | string;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** ProConnect (OpenID Connect): absent, the sign-in page offers no ProConnect button. */
  openId: { issuer: string; clientId: string; clientSecret: string } | null;
}

export class ConfigError extends Error {}

// Only used outside production: a fixed secret keeps sessions valid across restarts of a demo.
const DEVELOPMENT_SECRET = "portail-aect-secret-de-developpement-non-confidentiel";

/** The secret that signs sessions and seals mail secrets, as the environment gives it. */
export const sessionSecretOf = (env: NodeJS.ProcessEnv) => env.SESSION_SECRET || DEVELOPMENT_SECRET;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "(environnement)"} : ${issue.message}`,
    );
    throw new ConfigError(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production" && !values.SESSION_SECRET) {
    throw new ConfigError(
      "Configuration invalide :\n  - SESSION_SECRET : obligatoire en production (au moins 32 caractères)",
    );
  }
  const openIdValues = [values.OIDC_ISSUER_URL, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET];
  if (openIdValues.some(Boolean) && !openIdValues.every(Boolean)) {
    throw new ConfigError(
      "Configuration invalide :\n  - OIDC_ISSUER_URL, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET : les trois sont nécessaires pour ProConnect (ou aucun)",
    );
  }
  const seedDemo =
    values.SEED_DEMO === "always" ||
    (values.SEED_DEMO === "auto" && values.NODE_ENV !== "production");
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.DATA_DIR,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ""),
    sessionSecret: values.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    seedDemo,
    logLevel: values.LOG_LEVEL,
    mailWorkerIntervalMs: values.MAIL_WORKER_INTERVAL_MS,
    trustProxy: !values.TRUST_PROXY
      ? false
      : /^\d+$/.test(values.TRUST_PROXY)
        ? Number(values.TRUST_PROXY)
        : values.TRUST_PROXY,
    sessionIdleMs: values.SESSION_IDLE_MINUTES * 60 * 1000,
    openId:
      values.OIDC_ISSUER_URL && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuer: values.OIDC_ISSUER_URL,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
          }
        : null,
  };
}
