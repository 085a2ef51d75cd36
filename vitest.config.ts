import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "tests/http/**/*.test.ts",
      "tests/workflows/**/*.test.ts",
      "tests/architecture/**/*.test.ts",
    ],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each test file gets its own database cloned from the template; two at a time on 2 cores.
    // The built portal is loaded by Node itself, so it shares react-router with its adapter.
    server: { deps: { external: [/build\/server\//] } },
    pool: "forks",
    // --expose-gc: memory bounds are measured on what is still alive, not on garbage.
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: ["--expose-gc"] } },
  },
});
