#!/usr/bin/env node
// `npm test`: every check edgelit has, on a fresh machine too. It makes sure
// redis-server, Chromium and nginx are there (installing them with apt-get when it
// may), type-checks, lints, checks the format and the layers (scripts/check-layers.mjs),
// runs vitest (whose global setup builds the client), and ends with a plain
// "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const NEEDED = [
  { package: "redis-server", present: () => onPath("redis-server") },
  {
    package: "chromium",
    present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  },
  { package: "nginx", present: () => onPath("nginx") || existsSync("/usr/sbin/nginx") },
];

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { stdio: "inherit", ...options }).status ?? 1;
}

function ensureTools() {
  const missing = NEEDED.filter((tool) => !tool.present()).map((tool) => tool.package);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && onPath("apt-get")) {
    console.log(`[test] installing ${missing.join(", ")} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (
      run("apt-get", ["update", "-qq"], { env }) === 0 &&
      run("sh", ["-c", `${install} -qq >/dev/null`], { env }) === 0
    )
      return;
  }
  console.error(
    `[test] the tests need ${missing.join(", ")}. Install ${missing.length > 1 ? "them" : "it"} with:\n\n  sudo apt-get update && sudo ${install}\n`,
  );
  process.exit(1);
}

ensureTools();
mkdirSync("test-results", { recursive: true });
const results = { passed: 0, failed: 0 };

// The checks besides vitest, by npm script: each one counts once, as passed or failed.
const CHECKS = {
  typecheck: "type check",
  lint: "lint",
  "format:check": "format check",
  "check:layers": "layer check",
};
for (const [script, name] of Object.entries(CHECKS)) {
  console.log(`[test] npm run ${script}…`);
  if (run("npm", ["run", "--silent", script]) === 0) {
    results.passed++;
  } else {
    results.failed++;
    console.error(`[test] the ${name} failed`);
  }
}

const report = "test-results/vitest.json";
const vitestStatus = run(
  "npx",
  [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
    ...process.argv.slice(2),
  ],
  {
    env: { ...process.env, CI: process.env.CI ?? "true" },
  },
);
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, "utf8"));
  results.passed += summary.numPassedTests;
  // A file that failed outside any test (it did not load, a hook threw) counts once; one with failing tests counts by its tests.
  const brokenFiles = (summary.testResults ?? []).filter(
    (file) =>
      file.status === "failed" && !file.assertionResults?.some((test) => test.status === "failed"),
  );
  results.failed += summary.numFailedTests + brokenFiles.length;
}
if (vitestStatus !== 0 && results.failed === 0) results.failed++;

const line = `${results.passed} passed, ${results.failed} failed`;
writeFileSync("test-results/summary.txt", `${line}\n`);
console.log(line);
process.exit(results.failed === 0 ? 0 : 1);
