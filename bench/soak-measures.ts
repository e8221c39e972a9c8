import { readFileSync } from "node:fs";
import { Redis } from "ioredis";

/** The `q` quantile of sorted `values` (0 for none). */
export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The server's last memory reading, as its preloaded probe appended it (zeros before the first). */
export function readProbe(file: string): { rss: number; heapUsed: number } {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, "utf8").trim().split("\n");
  } catch {
    return { rss: 0, heapUsed: 0 };
  }
  const last = lines.at(-1);
  return last ? (JSON.parse(last) as { rss: number; heapUsed: number }) : { rss: 0, heapUsed: 0 };
}

/** Redis's `used_memory` in bytes. */
export async function redisUsedMemory(url: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    return Number(/used_memory:(\d+)/.exec(await client.info("memory"))?.[1] ?? 0);
  } finally {
    client.disconnect();
  }
}

/** The count the bench counter app shows in an answer ("Count is 12, step 1"), or -1. */
export function countShown(body: string): number {
  const matches = [...body.matchAll(/Count is (\d+)/g)];
  return matches.length ? Number(matches.at(-1)![1]) : -1;
}
