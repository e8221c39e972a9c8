/** One minute of a soak. */
export interface SoakMinute {
  minute: number;
  clicks: number;
  /** Clicks not acknowledged so far (all minutes). */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  rssMb: number;
  heapMb: number;
  redisMb: number;
}

/** A whole soak, as `npm run soak` writes it to BENCHMARKS.md. */
export interface SoakSummary {
  date: string;
  minutes: number;
  tabs: number;
  thinkMs: number;
  clicks: number;
  /** Tabs whose count, read back at the end, differs from their acknowledged clicks. */
  miscounted: number;
  rows: SoakMinute[];
}

/** The "Soak" section of BENCHMARKS.md. */
export function renderSoak(summary: SoakSummary): string {
  const header =
    "| minute | clicks | errors so far | p50 ms | p95 ms | p99 ms | max ms | RSS MB | heap MB | Redis used_memory MB |";
  const rule = "| -: | -: | -: | -: | -: | -: | -: | -: | -: | -: |";
  const rows = summary.rows.map(
    (row) =>
      `| ${row.minute} | ${row.clicks} | ${row.errors} | ${row.p50Ms.toFixed(1)} | ${row.p95Ms.toFixed(1)} | ${row.p99Ms.toFixed(1)} | ${row.maxMs.toFixed(0)} | ${row.rssMb.toFixed(1)} | ${row.heapMb.toFixed(1)} | ${row.redisMb.toFixed(2)} |`,
  );
  return [
    "## Soak",
    "",
    `\`npm run soak\` (outside \`npm test\`; \`-- --minutes N --tabs N --think-ms N\` or`,
    "`EDGELIT_SOAK_MINUTES`): simulated tabs of the bench counter app click back to back, with a",
    "pause between clicks, against `edgelit start` on a local Redis. Each minute: the server's RSS",
    "and V8 heap (read inside the process every 5 s), the click latencies, and Redis's",
    "`used_memory`. At the end each tab's count is read back and compared with its acknowledged",
    "clicks.",
    "",
    `Last run (${summary.date}, this machine, shared): ${summary.minutes} min, ${summary.tabs} tabs,`,
    `${summary.thinkMs} ms between clicks; ${summary.clicks} acknowledged clicks,`,
    `${summary.miscounted} of ${summary.tabs} tabs miscounted.`,
    "",
    header,
    rule,
    ...rows,
    "",
  ].join("\n");
}
