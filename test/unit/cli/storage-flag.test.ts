import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { storageFromFlag } from "../../../adapters/node/cli/storage-flag.ts";

const dir = mkdtempSync(join(tmpdir(), "edgelit-storage-flag-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("fs:<dir> creates the store directory", async () => {
  const base = join(dir, "new/store");
  const chosen = storageFromFlag(`fs:${base}`, "/");
  expect(existsSync(base)).toBe(true);
  expect(chosen.description).toBe(`fs ${base}`);
  await chosen.storage.dispose();
});

test("an fs store directory that cannot be created or written is an error naming it", () => {
  // A folder under a regular file cannot be made, even by root (for whom chmod stops nothing).
  const file = join(dir, "a-file");
  writeFileSync(file, "");
  const base = join(file, "store");
  expect(() => storageFromFlag(`fs:${base}`, "/")).toThrow(
    `the fs store directory ${base} cannot be written`,
  );
});
