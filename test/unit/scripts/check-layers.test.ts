import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { expect, onTestFinished, test } from "vitest";
import { tempDir } from "../../helpers/processes.ts";

const SCRIPT = resolve(import.meta.dirname, "../../../scripts/check-layers.mjs");

/** Writes a tree of files to a temporary folder and runs the layer check on it. */
function checkLayers(files: Record<string, string>): { status: number | null; output: string } {
  const root = tempDir("edgelit-layers-");
  onTestFinished(root.remove);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root.path, path)), { recursive: true });
    writeFileSync(join(root.path, path), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, root.path], { encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

const cleanTree = {
  "src/protocol/index.ts": `export type Message = { kind: "ping" };\n`,
  "src/session/store.ts": [
    `import type { Message } from "../protocol/index.ts";`,
    `/** @example import { defineApp } from "../app/define-app.ts"; */`,
    `const upward = 'import("../app/define-app.ts")' + \`import "../app/define-app.ts"\`;`,
    `export const seen: Message[] = [];`,
  ].join("\n"),
  "src/app/define-app.ts": `import { seen } from "../session/store.ts";\nexport const defineApp = () => seen;\n`,
  "src/index.ts": `export { defineApp } from "./app/define-app.ts";\n`,
  "adapters/node/serve.ts": `import { readFileSync } from "node:fs";\nimport { defineApp } from "../../src/index.ts";\nexport { readFileSync, defineApp };\n`,
  "client/src/main.tsx": `import type { Message } from "../../src/protocol/index.ts";\nexport const last = (m: Message) => <p>It's {m.kind}</p>;\n`,
};

test("a tree that keeps its layers passes, and imports in comments and strings do not count", () => {
  const { status, output } = checkLayers(cleanTree);
  expect(output.trim()).toBe("layers: 6 files, 5 imports, 0 cycles, 0 upward imports");
  expect(status).toBe(0);
});

test("two folders that import each other fail, even when one side imports only a type", () => {
  const { status, output } = checkLayers({
    ...cleanTree,
    "src/session/store.ts": `import type { Blob } from "../media/blob.ts";\nexport const blobs: Blob[] = [];\n`,
    "src/media/blob.ts": `import { blobs } from "../session/store.ts";\nexport type Blob = { size: number };\nexport const count = () => blobs.length;\n`,
  });
  expect(status).toBe(1);
  expect(output).toContain("import cycles between 2 folders: src/media, src/session");
  expect(output).toContain("cycle: src/media → src/session → src/media");
  expect(output).toContain("src/media/blob.ts:1 imports src/session/store.ts");
  expect(output).toContain("src/session/store.ts:1 imports src/media/blob.ts");
  expect(output).toContain("import cycles between 2 top-level folders of src/");
  expect(output).toContain("0 upward imports");
});

test("an import from a lower layer to a higher one fails, with the layers it may import", () => {
  const { status, output } = checkLayers({
    ...cleanTree,
    "src/runner/run.ts": `export const run = () => 1;\n`,
    "src/protocol/index.ts": [
      `export type Message = { kind: "ping" };`,
      `export { run } from "../runner/run.ts";`,
      `export const later = () => import("../runner/run.ts");`,
    ].join("\n"),
  });
  expect(status).toBe(1);
  expect(output).toContain(`src/protocol/index.ts:2   export { run } from "../runner/run.ts";`);
  expect(output).toContain(
    `src/protocol/index.ts:3   export const later = () => import("../runner/run.ts");`,
  );
  expect(output).toContain(
    "upward: src/protocol (layer 1) imports src/runner (layer 3); it may import src/errors, src/protocol",
  );
  expect(output).toContain("2 upward imports");
});

test("the client may import src/protocol but not src/session", () => {
  const { status, output } = checkLayers({
    ...cleanTree,
    "client/src/session-view.tsx": `import { seen } from "../../src/session/store.ts";\nexport const count = () => seen.length;\n`,
  });
  expect(status).toBe(1);
  expect(output).toContain(
    `client/src/session-view.tsx:1   import { seen } from "../../src/session/store.ts";`,
  );
  expect(output).toContain("the client may import only src/protocol of the server's code");
  expect(output).toContain("1 client imports");
});
