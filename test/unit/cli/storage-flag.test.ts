import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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

test("the fs store is private to the server's user: its folders 0700, its files 0600", async () => {
  const base = join(dir, "private/store");
  const chosen = storageFromFlag(`fs:${base}`, "/");
  await chosen.storage.setItem("edgelit:session:abc", { version: 1 });
  await chosen.storage.setItemRaw("edgelit:media:0123", new Uint8Array([1, 2, 3]));
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
  expect(mode(base)).toBe("700");
  expect(mode(join(base, "edgelit"))).toBe("700");
  expect(mode(join(base, "edgelit/session"))).toBe("700");
  expect(mode(join(base, "edgelit/session/abc"))).toBe("600");
  expect(mode(join(base, "edgelit/media/0123"))).toBe("600");
  expect(await chosen.storage.getItem("edgelit:session:abc")).toEqual({ version: 1 });
  expect(await chosen.storage.getKeys("edgelit:session")).toEqual(["edgelit:session:abc"]);
  await chosen.storage.dispose();
});

test("an existing fs store folder that others could enter is made private", async () => {
  const base = join(dir, "existing");
  mkdirSync(base, { mode: 0o755 });
  chmodSync(base, 0o755);
  const chosen = storageFromFlag(`fs:${base}`, "/");
  expect((statSync(base).mode & 0o777).toString(8)).toBe("700");
  await chosen.storage.dispose();
});
