// Builds the portal only when its sources changed since the last build, so that a second
// `npm start` (or test run) starts at once. The fingerprint is a hash of every file the
// build reads from the project; node_modules is covered by package-lock.json.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const inputs = [
  "app",
  "src",
  "server",
  "public",
  "package-lock.json",
  "vite.config.ts",
  "react-router.config.ts",
  "tsconfig.json",
];
const stampFile = path.join("build", ".sources");

function filesOf(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true })
    .map((name) => path.join(entry, String(name)))
    .filter((file) => statSync(file).isFile())
    .sort();
}

const hash = createHash("sha256");
for (const file of inputs.flatMap(filesOf)) {
  hash.update(file);
  hash.update("\0");
  hash.update(readFileSync(file));
}
const fingerprint = hash.digest("hex");
const current =
  existsSync(stampFile) &&
  existsSync(path.join("build", "server", "index.js")) &&
  readFileSync(stampFile, "utf8") === fingerprint;

if (!current) {
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit" });
  writeFileSync(stampFile, fingerprint);
}
