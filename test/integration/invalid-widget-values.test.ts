import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { elementMessages, messagesOf, reload } from "./counter-tab.ts";

/**
 * A widget value the widget cannot take is refused with a message naming the
 * problem; the run still finishes and nothing on the page or in the session changes.
 */

let server: Awaited<ReturnType<typeof startEdgelit>>;
beforeAll(async () => {
  server = await startEdgelit({
    app: "test/integration/fixtures/choices-app.ts",
    storage: "memory",
  });
});
afterAll(async () => {
  await server?.stop();
});

const FIRST_LINE = "level 3, fruit apple, sure false, name , clicks 0";
const summary = (tab: EventClient) => tab.elements("markdown").map((props) => props.body);

async function openChoices(): Promise<EventClient> {
  const tab = new EventClient(server.url);
  await tab.send();
  expect(summary(tab)).toEqual([FIRST_LINE]);
  return tab;
}

const refusals = [
  {
    widget: ["slider", "Level"],
    value: "5",
    message: 'Refused a value for this slider: expected a number, got "5".',
  },
  {
    widget: ["slider", "Level"],
    value: 11,
    message: "Refused a value for this slider: 11 is above the maximum 10.",
  },
  {
    widget: ["slider", "Level"],
    value: 0,
    message: "Refused a value for this slider: 0 is below the minimum 1.",
  },
  {
    widget: ["slider", "Level"],
    value: 2.5,
    message: "Refused a value for this slider: expected a whole number, got 2.5.",
  },
  {
    widget: ["slider", "Level"],
    value: [2, 4],
    message: "Refused a value for this slider: expected one number, got a range.",
  },
  {
    widget: ["selectbox", "Fruit"],
    value: 3,
    message: "Refused a value for this selectbox: expected an option number from 0 to 2, got 3.",
  },
  {
    widget: ["selectbox", "Fruit"],
    value: "fig",
    message:
      'Refused a value for this selectbox: expected an option number from 0 to 2, got "fig".',
  },
  {
    widget: ["checkbox", "Sure"],
    value: "yes",
    message: 'Refused a value for this checkbox: expected true or false, got "yes".',
  },
  {
    widget: ["textInput", "Name"],
    value: "Grace Hopper",
    message: "Refused a value for this textInput: text is longer than 5 characters.",
  },
  {
    widget: ["button", "Click"],
    value: false,
    message: "Refused a value for this button: a button click is sent as true, got false.",
  },
  {
    widget: ["button", "Click"],
    value: null,
    message: "Refused a value for this button: a button click is sent as true, got null.",
  },
] as const;

describe.each(refusals)(
  "$widget.0 $widget.1 given $value",
  ({ widget: [kind, label], value, message }) => {
    test("is refused by name, the run finishes and nothing changes", async () => {
      const tab = await openChoices();
      const widgetId = tab.widgetId(kind, label);
      const answer = await tab.send([{ id: widgetId, value }]);

      expect(answer.status).toBe(200);
      expect(messagesOf(answer, "refused")).toEqual([{ type: "refused", widgetId, message }]);
      expect(answer.messages.at(-1)?.type).toBe("finish");
      expect(elementMessages(answer)).toEqual([]);
      expect(summary(tab)).toEqual([FIRST_LINE]);
      // The session holds the old values too: a reload shows them.
      expect(summary(await reload(tab))).toEqual([FIRST_LINE]);
    });
  },
);

test("an unknown widget id is refused and the page is unchanged", async () => {
  const tab = await openChoices();
  const answer = await tab.send([{ id: "slider:doesnotexist", value: 5 }]);
  expect(answer.status).toBe(200);
  expect(messagesOf(answer, "refused")).toEqual([
    {
      type: "refused",
      widgetId: "slider:doesnotexist",
      message: "That widget is not on the page any more; its value was ignored.",
    },
  ]);
  expect(answer.messages.at(-1)?.type).toBe("finish");
  expect(summary(tab)).toEqual([FIRST_LINE]);
});

test.each(["__proto__", "constructor", "toString"])(
  "the widget id %s, a name every object inherits, is refused as unknown",
  async (widgetId) => {
    const tab = await openChoices();
    const answer = await tab.send([{ id: widgetId, value: 5 }]);
    expect(answer.status).toBe(200);
    expect(messagesOf(answer, "refused")).toEqual([
      {
        type: "refused",
        widgetId,
        message: "That widget is not on the page any more; its value was ignored.",
      },
    ]);
    expect(answer.messages.at(-1)?.type).toBe("finish");
    expect(summary(await reload(tab))).toEqual([FIRST_LINE]);
  },
);

test("valid values after refused ones are taken as usual", async () => {
  const tab = await openChoices();
  await tab.send([{ id: tab.widgetId("slider", "Level"), value: 11 }]);
  await tab.send([{ id: tab.widgetId("selectbox", "Fruit"), value: 7 }]);
  await tab.send([
    { id: tab.widgetId("slider", "Level"), value: 10 },
    { id: tab.widgetId("selectbox", "Fruit"), value: 2 },
    { id: tab.widgetId("checkbox", "Sure"), value: true },
    { id: tab.widgetId("textInput", "Name"), value: "Ada" },
  ]);
  await tab.send([{ id: tab.widgetId("button", "Click"), value: true }]);
  expect(summary(tab)).toEqual(["level 10, fruit fig, sure true, name Ada, clicks 1"]);
  expect(tab.elements("selectbox")).toMatchObject([{ label: "Fruit", index: 2 }]);
});
