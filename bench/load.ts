import { Agent, request } from "node:http";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../src/protocol/index.ts";

/** What one load run measured. */
export interface LoadResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** One HTTP answer: status, body and header bytes. */
export interface Answer {
  status: number;
  body: string;
  headerBytes: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one event over a keep-alive connection and reads the whole answer. */
export function postEvent(baseUrl: string, payload: object): Promise<Answer> {
  const body = JSON.stringify({ protocol: PROTOCOL_VERSION, ...payload });
  return new Promise((resolve, reject) => {
    const req = request(
      baseUrl + ROUTES.event,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          [CLIENT_HEADER]: "1",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headerBytes =
            res.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part), 0) +
            res.rawHeaders.length * 2;
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            headerBytes,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A simulated tab of the counter app: loads, then clicks "Add one" back to back. */
export class Tab {
  sessionId: string | null = null;
  lastRunId: string | null = null;
  buttonId = "";
  private events = 0;

  constructor(private readonly baseUrl: string) {}

  async send(changes: { id: string; value: unknown }[]): Promise<Answer> {
    const answer = await postEvent(this.baseUrl, {
      sessionId: this.sessionId,
      lastRunId: this.lastRunId,
      eventId: `e${++this.events}-${Math.random()}`,
      changes,
    });
    this.sessionId =
      answer.body.match(/"sessionId":"([0-9a-f]{32}(?:[0-9a-f]{24})?)"/)?.[1] ?? this.sessionId;
    this.lastRunId = answer.body.match(/"type":"finish","runId":"([^"]+)"/)?.[1] ?? this.lastRunId;
    this.buttonId ||= answer.body.match(/"kind":"button","props":\{"id":"([^"]+)"/)?.[1] ?? "";
    return answer;
  }

  load(): Promise<Answer> {
    return this.send([]);
  }

  click(): Promise<Answer> {
    return this.send(this.buttonId ? [{ id: this.buttonId, value: true }] : []);
  }
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** At most this many timed events in all. Default 200,000. */
  maxEvents?: number;
  /** Clicking before the timed part. Default 300 ms. */
  warmUpMs?: number;
  /** Called as the timed part starts (to read the server's CPU then). */
  onTimed?: () => void;
}

/**
 * `tabs` tabs, each sending events back to back for `seconds` after a
 * warm-up. Bounded in count and time.
 */
export async function runLoad(
  baseUrl: string,
  tabs: number,
  seconds: number,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { maxEvents = 200_000, warmUpMs = 300 } = options;
  const opened = await Promise.all(
    Array.from({ length: tabs }, async () => {
      const tab = new Tab(baseUrl);
      await tab.load();
      return tab;
    }),
  );
  const warmUntil = performance.now() + warmUpMs;
  await Promise.all(
    opened.map(async (tab) => {
      while (performance.now() < warmUntil) await tab.click();
    }),
  );

  const latencies: number[] = [];
  let errors = 0;
  options.onTimed?.();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    opened.map(async (tab) => {
      while (performance.now() < deadline && latencies.length < maxEvents) {
        const sent = performance.now();
        const answer = await tab.click();
        // A click must be answered with what changed; a full resend means the tab lost track.
        if (
          answer.status !== 200 ||
          !answer.body.includes('"type":"finish"') ||
          answer.body.includes('"reset":true')
        )
          errors++;
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    events: latencies.length,
    seconds: elapsed,
    eventsPerSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
  };
}
