import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("has working defaults for a demo", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: "./data",
      seedDemo: true,
      databaseUrl: undefined,
    });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("explains a bad value in French, naming the variable", () => {
    expect(() => loadConfig({ PORT: "trois-mille" })).toThrow(/PORT doit être un nombre/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL doit commencer par postgres/,
    );
    expect(() => loadConfig({ SMTP_URL: "http://x" })).toThrow(ConfigError);
  });

  it("requires a session secret in production and never seeds demo data there unless asked", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /SESSION_SECRET : obligatoire en production/,
    );
    const secret = "s".repeat(40);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).seedDemo).toBe(false);
    expect(
      loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret, SEED_DEMO: "always" }).seedDemo,
    ).toBe(true);
  });
});
