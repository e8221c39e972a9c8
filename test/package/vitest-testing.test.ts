// `edgelit/testing` from a user's own vitest: README's test of README's app
// passes in a fresh CommonJS project with the tarball and vitest installed.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { npmInstall, runIn } from "../helpers/installed-project.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";
import { COUNTER_APP } from "../helpers/installed-cli.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const work = copyInstalledProject("edgelit-vitest-");
afterAll(() => work.remove());

/** The README's app. */
const APP = COUNTER_APP;

const APP_TEST = `import { expect, test } from "vitest";
import { AppTest } from "edgelit/testing";
import app from "./app.ts";

test("a click adds one", async () => {
  const at = await AppTest.fromApp(app).run();
  expect(at.get("metric")[0]!.props.value).toBe("0");
  await at.button("Add one").click().run();
  expect(at.get("metric")[0]!.props.value).toBe("1");
});

test("a failing check fails", async () => {
  const at = await AppTest.fromApp(app).run();
  expect(at.get("metric")[0]!.props.value).toBe("41");
});
`;

test("an app's AppTest runs from the user's vitest", { timeout: 180_000 }, async () => {
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  await npmInstall(work.path, [`vitest@${devDependencies.vitest}`]);
  writeFileSync(join(work.path, "app.ts"), APP);
  writeFileSync(join(work.path, "app.test.ts"), APP_TEST);

  const result = await runIn(work.path, process.execPath, [
    join(work.path, "node_modules/vitest/vitest.mjs"),
    "run",
  ]);
  // One test passes and the one meant to fail fails: the harness ran both.
  expect(result.output).toMatch(/Tests\s+1 failed \| 1 passed \(2\)/);
  expect(result.output).toContain("expected '0' to be '41'");
});
