// Groups a `perf record -g` profile of workerd by the frames on each sample's stack, for
// bench/worker-profile.ts --perf. workerd's binary carries its symbols; JIT code has none, so
// JavaScript shows as V8's builtins and runtime. The first group whose frame a stack holds wins.
import { spawnSync } from "node:child_process";

const GROUPS: [name: string, frames: string[]][] = [
  ["fsync (SQLite commits)", ["do_fsync", "ext4_sync_file", "fsync"]],
  ["SQLite, other", ["sqlite3", "SqliteDatabase", "ActorSqlite"]],
  ["Miniflare's blob files (open, write, unlink)", ["DiskDirectoryService", "openat", "unlink"]],
  ["V8 compiler", ["OptimizedCompilationJob", "Compiler", "Maglev", "Turbofan"]],
  [
    "V8 GC",
    ["Heap::CollectGarbage", "Scavenger", "MarkCompact", "ConcurrentMarking", "Sweeper", "cppgc"],
  ],
  [
    "JavaScript and V8 (all isolates)",
    ["Builtins_", "[JIT]", "v8::internal", "v8::Function", "jsg::"],
  ],
  ["HTTP and sockets (kj)", ["Http", "AsyncIoStream", "sock", "tcp", "epoll", "recv", "send"]],
];

/** Samples per group (and "other"), from `perf script` of the recorded file. */
export function perfGroups(dataFile: string): Map<string, number> {
  const script = spawnSync("perf", ["script", "-i", dataFile], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
  const counts = new Map<string, number>();
  for (const stack of script.stdout.split("\n\n")) {
    if (!stack.trim()) continue;
    const group =
      GROUPS.find(([, frames]) => frames.some((frame) => stack.includes(frame)))?.[0] ??
      "other (event loop, malloc, scheduling)";
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}
