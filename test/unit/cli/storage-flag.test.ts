import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { afterAll, expect, test } from "vitest";
import { storageFromFlag } from "../../../adapters/node/cli/storage-flag.ts";

const dir = mkdtempSync(join(tmpdir(), "edgelit-storage-flag-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("fs:<dir> creates the store directory", async () => {
  const base = join(dir, "new/store");
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  expect(existsSync(base)).toBe(true);
  expect(chosen.description).toBe(`fs ${base}`);
  await chosen.storage.dispose();
});

test("an fs store directory that cannot be created or written is an error naming it", async () => {
  // A folder under a regular file cannot be made, even by root (for whom chmod stops nothing).
  const file = join(dir, "a-file");
  writeFileSync(file, "");
  const base = join(file, "store");
  await expect(storageFromFlag(`fs:${base}`, "/")).rejects.toThrow(
    `the fs store directory ${base} cannot be written`,
  );
});

test("the fs store is private to the server's user: its folders 0700, its files 0600", async () => {
  const base = join(dir, "private/store");
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  await chosen.storage.setItem("edgelit:session:abc", { version: 1 });
  // (a key with no id in it keeps its name: see the next test for ids)
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
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  expect((statSync(base).mode & 0o777).toString(8)).toBe("700");
  await chosen.storage.dispose();
});

test("no file of the fs store is named by a session id: ids become hashes, and what is listed reads back", async () => {
  const base = join(dir, "hashed");
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  const sessionId = "0123456789abcdef0123456789abcdef";
  // Session ids as the server issues them now: 32 random hex, then the issue time and a tag.
  const taggedId = `${sessionId}0123456789abcdef01234567`;
  await chosen.storage.setItem(`edgelit:session:${taggedId}`, { version: 3 });
  await chosen.storage.setItem(`edgelit:session:${sessionId}`, { version: 2 });
  await chosen.storage.setItemRaw(`edgelit:chunks:upload:${sessionId}:f1:0`, new Uint8Array([7]));
  const files = listFiles(base);
  expect(files.join("\n")).not.toContain(sessionId);
  expect(files).toContain(`edgelit/session/h-${sha256(taggedId)}`);
  expect(await chosen.storage.getItem(`edgelit:session:${taggedId}`)).toEqual({ version: 3 });
  await chosen.storage.removeItem(`edgelit:session:${taggedId}`);
  expect(files).toContain(`edgelit/session/h-${sha256(sessionId)}`);
  expect(await chosen.storage.getItem(`edgelit:session:${sessionId}`)).toEqual({ version: 2 });
  expect(await chosen.storage.hasItem(`edgelit:session:${sessionId}`)).toBe(true);

  // A sweep lists keys and reads or removes each one as listed.
  const listed = await chosen.storage.getKeys("edgelit:session");
  expect(listed).toEqual([`edgelit:session:h-${sha256(sessionId)}`]);
  expect(await chosen.storage.getItem(listed[0]!)).toEqual({ version: 2 });
  await chosen.storage.removeItem(listed[0]!);
  expect(await chosen.storage.getItem(`edgelit:session:${sessionId}`)).toBeNull();
  await chosen.storage.dispose();
});

test("a session an earlier version stored under its id is found, and moved to its hashed name", async () => {
  const base = join(dir, "legacy");
  const sessionId = "fedcba9876543210fedcba9876543210";
  mkdirSync(join(base, "edgelit/session"), { recursive: true });
  writeFileSync(join(base, "edgelit/session", sessionId), JSON.stringify({ version: 5 }));
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  expect(await chosen.storage.getItem(`edgelit:session:${sessionId}`)).toEqual({ version: 5 });
  expect(listFiles(base)).toEqual([`edgelit/session/h-${sha256(sessionId)}`]);
  await chosen.storage.dispose();
});

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

test("the fs store writes a value whole: the key's file is replaced at once, and no partial file is listed", async () => {
  const base = join(dir, "atomic");
  const chosen = await storageFromFlag(`fs:${base}`, "/");
  await chosen.storage.setItem("edgelit:media-secret", { secret: "a".repeat(64) });
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      chosen.storage.setItem("edgelit:media-secret", { secret: String(i).repeat(64) }),
    ),
  );
  const value = (await chosen.storage.getItem("edgelit:media-secret")) as { secret: string };
  expect(value.secret).toMatch(/^(\d+)\1*$/);
  expect(await chosen.storage.getKeys()).toEqual(["edgelit:media-secret"]);
  await chosen.storage.dispose();
});
