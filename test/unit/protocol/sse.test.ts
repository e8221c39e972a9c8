import { expect, test } from "vitest";
import {
  SSE_HEARTBEAT,
  createSseParser,
  encodeSseFrame,
  type ServerMessage,
} from "../../../src/protocol/index.ts";

test("frames survive being cut anywhere, and heartbeats are skipped", () => {
  const sent: ServerMessage[] = [
    { type: "start", sessionId: "a".repeat(32), runId: "r", reset: true },
    {
      type: "element",
      path: [0, 0],
      kind: "text",
      props: { body: "line\nbreak: data: not a field" },
    },
    { type: "finish", runId: "r", counts: { "0": 1 }, elapsedMs: 1 },
  ];
  const wire =
    encodeSseFrame(sent[0]!) + SSE_HEARTBEAT + encodeSseFrame(sent[1]!) + encodeSseFrame(sent[2]!);
  for (const size of [1, 3, 7, wire.length]) {
    const received: ServerMessage[] = [];
    const parse = createSseParser((m) => received.push(m));
    for (let i = 0; i < wire.length; i += size) parse(wire.slice(i, i + size));
    expect(received).toEqual(sent);
  }
});
