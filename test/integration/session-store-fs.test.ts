import { createStorage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import { afterAll } from "vitest";
import { tempDir } from "../helpers/processes.ts";
import { describeSessionStore } from "./session-store-contract.ts";

const dir = tempDir("edgelit-store-fs-");
afterAll(() => dir.remove());

describeSessionStore("fs", { storage: () => createStorage({ driver: fsDriver({ base: dir.path }) }), guarantee: "checked" });
