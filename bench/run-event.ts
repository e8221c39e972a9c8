import { createScriptHost } from "../src/app/script-host.ts";
import { runEvent } from "../src/runner/run-event.ts";
import { createSessionRecord } from "../src/session/record.ts";
import app from "./counter-app.ts";

/**
 * The rerun alone: `runEvent` for a click of the bench app (25 elements:
 * the script, the widgets, hashing and diffing), without HTTP or a store.
 * Microseconds per click, over `clicks` clicks of one session.
 */
export async function measureRerunMicroseconds(clicks = 20_000): Promise<number> {
  const record = createSessionRecord();
  const host = createScriptHost(app);
  let buttonId = "";
  const findButton = (messages: { type: string; kind?: string; props?: unknown }[]) => {
    for (const message of messages)
      if (message.kind === "button") buttonId = (message.props as { id: string }).id;
  };
  await runEvent({
    host,
    record,
    changes: [],
    previousTree: {},
    send: findButton,
    maxRunSeconds: 300,
  });
  const click = () =>
    runEvent({
      host,
      record,
      changes: [{ id: buttonId, value: true }],
      previousTree: record.tree,
      send: () => {},
      maxRunSeconds: 300,
    });
  for (let i = 0; i < 2000; i++) await click();
  const started = performance.now();
  for (let i = 0; i < clicks; i++) await click();
  return ((performance.now() - started) * 1000) / clicks;
}
