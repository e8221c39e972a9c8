import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/** Process memory with 1, 1,000 and 10,000 idle sessions opened. */
export interface MemoryStep {
  sessions: number;
  heapMb: number;
  rssMb: number;
}

/** Runs the memory child for one store (bounded to two minutes). */
export function measureIdleMemory(storageFlag: string): MemoryStep[] {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--conditions=edgelit-source",
      "--import",
      "tsx",
      resolve(import.meta.dirname, "memory-child.ts"),
      storageFlag,
    ],
    {
      cwd: resolve(import.meta.dirname, ".."),
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("["))
    throw new Error(`memory run failed:\n${child.stdout}\n${child.stderr}`);
  return JSON.parse(line) as MemoryStep[];
}
