// What bare first visits store: for each page of the hello tour, `visits`
// POSTs with no session id (a crawler, a flood, a tab closed at once), then
// the bytes the store gained, with Redis and with the fs store.
//   npx tsx bench/anonymous-visits.ts [visits]
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startEdgelit, startRedis, tempDir } from "../test/helpers/processes.ts";
import { postEvent } from "../test/helpers/events.ts";

const visits = Number(process.argv[2] ?? 100);
const APP = "examples/hello/app.ts";

/** The url paths of the tour's pages, from its navigation menu. */
async function pagePaths(url: string): Promise<string[]> {
  const answer = await postEvent(url, { sessionId: null, lastRunId: null });
  for (const message of answer.messages)
    if (message.type === "element" && message.kind === "navigation")
      return message.props.sections.flatMap((section) => section.pages.map((page) => page.href));
  throw new Error("no navigation in the tour's first page");
}

async function visitAll(url: string, path: string): Promise<void> {
  for (let done = 0; done < visits; done += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, visits - done) }, () =>
        postEvent(url, { sessionId: null, lastRunId: null, url: path } as never),
      ),
    );
}

function directoryBytes(root: string): number {
  let bytes = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return bytes;
}

const rows: string[] = [];
const redisServer = await startRedis();
const redis = new Redis(redisServer.url);
const redisBytes = async () => {
  let bytes = 0;
  for (const key of await redis.keys("*")) bytes += await redis.strlen(key);
  return bytes;
};
const fsDir = tempDir("edgelit-anon-fs-");
try {
  const onRedis = await startEdgelit({ app: APP, storage: redisServer.url });
  const onFs = await startEdgelit({ app: APP, storage: `fs:${fsDir.path}` });
  try {
    for (const path of await pagePaths(onRedis.url)) {
      // One visit first: media every session shares are then already stored.
      await visitAll(onRedis.url, path);
      const redisBefore = await redisBytes();
      await visitAll(onRedis.url, path);
      const redisGain = (await redisBytes()) - redisBefore;
      await visitAll(onFs.url, path);
      const fsBefore = directoryBytes(fsDir.path);
      await visitAll(onFs.url, path);
      const fsGain = directoryBytes(fsDir.path) - fsBefore;
      rows.push(
        `| ${path.padEnd(12)} | ${String(Math.round(redisGain / visits)).padStart(8)} | ${String(Math.round(fsGain / visits)).padStart(8)} |`,
      );
    }
  } finally {
    await onRedis.stop();
    await onFs.stop();
  }
} finally {
  redis.disconnect();
  await redisServer.stop();
  fsDir.remove();
}
console.log(`bytes stored per bare first visit (${visits} visits per page, after a first round)`);
console.log("| page         |    redis |       fs |");
for (const row of rows) console.log(row);
