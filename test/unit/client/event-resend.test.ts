import { afterEach, expect, test, vi } from "vitest";
import { PROTOCOL_VERSION, type RerunRequest } from "../../../src/protocol/index.ts";
import {
  ANSWERED,
  DRAINING,
  RESEND,
  SERVER_UNREACHABLE,
  deliverEvent,
  type AttemptOutcome,
  type EventTransport,
} from "../../../client/src/transports/transport.ts";
import { createWatchdog } from "../../../client/src/transports/watchdog.ts";

afterEach(() => void vi.useRealTimers());

const request: RerunRequest = {
  protocol: PROTOCOL_VERSION,
  sessionId: null,
  lastRunId: null,
  eventId: "e",
  seq: { tab: "m0.a", n: 1 },
  changes: [],
};

/** A transport whose attempts end as `outcomes` say, in turn; it keeps every request it was given. */
function scripted(outcomes: AttemptOutcome[]) {
  const sent: RerunRequest[] = [];
  const transport: EventTransport = {
    name: "sse",
    send: async (sentRequest) => {
      sent.push(sentRequest);
      return outcomes.shift() ?? ANSWERED;
    },
  };
  return { sent, choice: { current: () => transport } };
}

function deliver(outcomes: AttemptOutcome[]) {
  const { sent, choice } = scripted(outcomes);
  const seen = { unreachable: 0, resent: 0 };
  const delivered = deliverEvent(
    () => request,
    {
      onMessage: () => {},
      onUnreachable: () => void seen.unreachable++,
      onResend: () => void seen.resent++,
    },
    choice,
    new AbortController().signal,
  );
  return { sent, seen, delivered };
}

test("an attempt given up for silence is sent again at once, the same event, with nothing shown", async () => {
  const { sent, seen, delivered } = deliver([RESEND, RESEND]);
  expect(await delivered).toEqual(ANSWERED);
  expect(sent).toHaveLength(3);
  expect(new Set(sent.map((one) => JSON.stringify(one.seq))).size).toBe(1);
  expect(seen).toEqual({ unreachable: 0, resent: 2 });
});

test("silence again and again is told as an unreachable server", async () => {
  vi.useFakeTimers();
  const { seen, delivered } = deliver([RESEND, RESEND, RESEND]);
  await vi.runAllTimersAsync();
  expect(await delivered).toEqual(ANSWERED);
  expect(seen.unreachable).toBe(1);
});

test("a draining server's refusals are resent without a banner, however many", async () => {
  vi.useFakeTimers();
  const { sent, seen, delivered } = deliver([DRAINING, DRAINING, DRAINING, DRAINING, DRAINING]);
  await vi.runAllTimersAsync();
  expect(await delivered).toEqual(ANSWERED);
  expect(sent).toHaveLength(6);
  expect(seen.unreachable).toBe(0);
  // Unlike an unreachable server: that one is shown.
  const down = deliver([SERVER_UNREACHABLE]);
  await vi.runAllTimersAsync();
  await down.delivered;
  expect(down.seen.unreachable).toBe(1);
});

test("the watchdog gives up only after a silence, and every sign of life starts the silence again", () => {
  vi.useFakeTimers();
  const watchdog = createWatchdog(3000, new AbortController().signal);
  for (let heartbeat = 0; heartbeat < 10; heartbeat++) {
    vi.advanceTimersByTime(2000);
    watchdog.heard();
  }
  expect(watchdog.signal.aborted).toBe(false);
  vi.advanceTimersByTime(3000);
  expect(watchdog.signal.aborted).toBe(true);
  expect(watchdog.fired()).toBe(true);

  const finished = createWatchdog(3000, new AbortController().signal);
  finished.stop();
  finished.heard();
  vi.advanceTimersByTime(10_000);
  expect(finished.signal.aborted).toBe(false);
});
