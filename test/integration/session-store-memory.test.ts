import { createStorage } from "unstorage";
import { describeSessionStore } from "./session-store-contract.ts";

describeSessionStore("memory", { storage: () => createStorage(), guarantee: "single-process" });
