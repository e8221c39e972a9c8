import { existsSync } from "node:fs";
import { fsStoreFile } from "../helpers/fs-store.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";
import { describeEventLoop } from "./event-loop-suite.ts";

const store = tempDir("edgelit-fs-store-");

describeEventLoop("fs storage", {
  async start() {
    const server = await startEdgelit({ storage: `fs:${store.path}` });
    return {
      url: server.url,
      async stop() {
        await server.stop();
        store.remove();
      },
    };
  },
  // unstorage's fs driver turns the key's colons into folders.
  hasRecord: async (sessionId) =>
    existsSync(fsStoreFile(store.path, `edgelit:session:${sessionId}`)),
});
