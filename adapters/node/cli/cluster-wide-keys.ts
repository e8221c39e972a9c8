import type { Driver } from "unstorage";

/** The parts of an ioredis Cluster client that walking every master needs. */
interface ClusterClient {
  nodes(role: "master"): ClusterNodeClient[];
  get(key: string): Promise<string | null>;
  unlink(key: string): Promise<number>;
}

interface ClusterNodeClient {
  scan(
    cursor: string,
    match: "MATCH",
    pattern: string,
    count: "COUNT",
    n: number,
  ): Promise<[string, string[]]>;
}

/** Keys asked for per SCAN step on each master. */
const SCAN_COUNT = 1000;

/**
 * Wraps unstorage's Redis driver over a Cluster so that what walks a prefix
 * sees all of it. The driver's own `getKeys` scans the one node its command
 * lands on (a third of the keys on three masters), and its `getItems` and
 * `clear` name keys of many hash slots in one command, which a Cluster refuses
 * (CROSSSLOT). Here keys are listed by scanning every master, and read and
 * removed one key at a time (ioredis sends each to its slot's master).
 *
 * @example createStorage({ driver: clusterWideKeys(redisDriver({ cluster: nodes })) })
 */
export function clusterWideKeys(driver: Driver): Driver {
  const client = () => driver.getInstance!() as ClusterClient;
  const listKeys = async (base: string): Promise<string[]> => {
    const pattern = base ? `${escapeGlob(base.replace(/:$/, ""))}:*` : "*";
    const perMaster = await Promise.all(
      client()
        .nodes("master")
        .map(async (node) => {
          const keys: string[] = [];
          let cursor = "0";
          do {
            const [next, found] = await node.scan(cursor, "MATCH", pattern, "COUNT", SCAN_COUNT);
            cursor = next;
            keys.push(...found);
          } while (cursor !== "0");
          return keys;
        }),
    );
    return [...new Set(perMaster.flat())];
  };
  return {
    ...driver,
    getKeys: (base) => listKeys(base),
    getItems: (items) =>
      Promise.all(items.map(async ({ key }) => ({ key, value: await client().get(key) }))),
    async clear(base) {
      await Promise.all((await listKeys(base)).map((key) => client().unlink(key)));
    },
  };
}

// --- Internal helpers ---

// Redis glob metacharacters, escaped so a prefix matches itself only.
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
