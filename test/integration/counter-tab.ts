import { PROTOCOL_VERSION, type ServerMessage } from "../../src/protocol/index.ts";
import { EventClient, type EventAnswer } from "../helpers/events.ts";

/**
 * Reading and driving the counter example (examples/counter/app.ts) through a
 * simulated tab, in the words a user would use: the count shown, the step
 * text, a click on a button.
 */

/** A tab that has loaded the page once. */
export async function openCounter(baseUrl: string): Promise<EventClient> {
  const tab = new EventClient(baseUrl);
  const answer = await tab.send();
  if (answer.status !== 200)
    throw new Error(`first load answered ${answer.status}: ${JSON.stringify(answer.error)}`);
  return tab;
}

/** The value of the "Count" metric on the tab's page. */
export function countShown(tab: EventClient): unknown {
  return tab.elements("metric").find((props) => props.label === "Count")?.value;
}

/** The text of the right column (`Step is **N**`). */
export function stepShown(tab: EventClient): unknown {
  return tab.elements("markdown").find((props) => String(props.body).startsWith("Step is"))?.body;
}

/** The value the "Step" slider shows. */
export function sliderShown(tab: EventClient): unknown {
  return tab.elements("slider").find((props) => props.label === "Step")?.value;
}

/** Clicks a button `times` times, one event each; returns the last answer. */
export async function click(tab: EventClient, label: string, times = 1): Promise<EventAnswer> {
  let answer: EventAnswer | undefined;
  for (let i = 0; i < times; i++)
    answer = await tab.send([{ id: tab.widgetId("button", label), value: true }]);
  return answer!;
}

/** Moves the "Step" slider. */
export function moveStep(tab: EventClient, value: unknown): Promise<EventAnswer> {
  return tab.send([{ id: tab.widgetId("slider", "Step"), value }]);
}

/** A new tab on the same session, as a reload of the browser tab: it knows its session but holds no run. */
export async function reload(tab: EventClient): Promise<EventClient> {
  const reloaded = new EventClient(tab.baseUrl);
  reloaded.sessionId = tab.sessionId;
  await reloaded.send();
  return reloaded;
}

/** The `element` messages of an answer. */
export function elementMessages(
  answer: EventAnswer,
): Extract<ServerMessage, { type: "element" }>[] {
  return messagesOf(answer, "element");
}

/** The messages of one type in an answer. */
export function messagesOf<T extends ServerMessage["type"]>(
  answer: EventAnswer,
  type: T,
): Extract<ServerMessage, { type: T }>[] {
  return answer.messages.filter(
    (message): message is Extract<ServerMessage, { type: T }> => message.type === type,
  );
}

/** A well-formed event of the tab that clicks "Add one", with `override` merged into the body. */
export function clickBody(tab: EventClient, override: Record<string, unknown> = {}): string {
  return JSON.stringify({
    protocol: PROTOCOL_VERSION,
    sessionId: tab.sessionId,
    lastRunId: tab.lastRunId,
    eventId: crypto.randomUUID(),
    changes: [{ id: tab.widgetId("button", "Add one"), value: true }],
    ...override,
  });
}
