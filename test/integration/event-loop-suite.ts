import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../../src/protocol/index.ts";
import { EventClient } from "../helpers/events.ts";
import {
  click,
  countShown,
  elementMessages,
  messagesOf,
  moveStep,
  openCounter,
  reload,
  sliderShown,
  stepShown,
} from "./counter-tab.ts";

/** A running edgelit server for the suite, however it was started. */
export interface ServerUnderTest {
  url: string;
  stop(): Promise<void>;
}

/** How the suite gets a server and, where it can, looks into its store. */
export interface EventLoopFixture {
  start(): Promise<ServerUnderTest>;
  /** True when the store holds a record for the session (omitted for stores out of reach, like memory). */
  hasRecord?(sessionId: string): Promise<boolean>;
}

/**
 * The round trip of events over real HTTP, the same for every store: one
 * file per store calls this with its fixture.
 */
export function describeEventLoop(name: string, fixture: EventLoopFixture): void {
  describe(`event loop over HTTP with ${name}`, () => {
    let server: ServerUnderTest;
    beforeAll(async () => {
      server = await fixture.start();
    });
    afterAll(async () => {
      await server?.stop();
    });

    test("the first load creates a session and sends the whole page", async () => {
      const tab = new EventClient(server.url);
      const answer = await tab.send();
      expect(answer.status).toBe(200);
      const [start] = messagesOf(answer, "start");
      expect(answer.messages[0]).toBe(start);
      expect(start).toMatchObject({
        reset: true,
        sessionId: expect.stringMatching(/^[0-9a-f]{56}$/),
      });
      expect(answer.messages.at(-1)).toMatchObject({ type: "finish", runId: start!.runId });
      // title, 2 buttons, slider, text input, columns, 2 columns, metric, markdown
      expect(elementMessages(answer)).toHaveLength(10);
      expect(tab.elements("heading").map((props) => props.body)).toEqual(["Counter"]);
      expect(countShown(tab)).toBe("0");
      expect(stepShown(tab)).toBe("Step is **1**");
      expect(tab.elements("textInput")).toMatchObject([{ label: "Your name", value: "" }]);
    });

    const { hasRecord } = fixture;
    if (hasRecord) {
      test("the session is kept in the store", async () => {
        const tab = await openCounter(server.url);
        expect(await hasRecord(tab.sessionId!)).toBe(true);
      });
    }

    test("three clicks on Add one count to 3", async () => {
      const tab = await openCounter(server.url);
      const answer = await click(tab, "Add one", 3);
      expect(answer.status).toBe(200);
      expect(messagesOf(answer, "start")).toMatchObject([
        { reset: false, sessionId: tab.sessionId },
      ]);
      expect(countShown(tab)).toBe("3");
    });

    test("moving the slider updates the text, and a click then sends only the count", async () => {
      const tab = await openCounter(server.url);
      const moved = await moveStep(tab, 5);
      expect(stepShown(tab)).toBe("Step is **5**");
      expect(elementMessages(moved).map((message) => message.kind)).toEqual(["slider", "markdown"]);

      const clicked = await click(tab, "Add step");
      expect(elementMessages(clicked)).toEqual([
        expect.objectContaining({ kind: "metric", props: expect.objectContaining({ value: "5" }) }),
      ]);
      expect(countShown(tab)).toBe("5");
      expect(clicked.messages.map((message) => message.type)).toEqual([
        "start",
        "element",
        "finish",
      ]);
    });

    test("a reload of the tab gets the whole page again with its state kept", async () => {
      const tab = await openCounter(server.url);
      await click(tab, "Add one", 3);
      await moveStep(tab, 5);

      const reloaded = await reload(tab);
      expect(messagesOf(reloaded.last!, "start")).toMatchObject([
        { reset: true, sessionId: tab.sessionId },
      ]);
      expect(elementMessages(reloaded.last!)).toHaveLength(10);
      expect(countShown(reloaded)).toBe("3");
      expect(sliderShown(reloaded)).toBe(5);
      expect(stepShown(reloaded)).toBe("Step is **5**");
    });

    test("a second tab starts its own session at 0 and leaves the first alone", async () => {
      const first = await openCounter(server.url);
      await click(first, "Add one", 3);

      const second = await openCounter(server.url);
      expect(second.sessionId).not.toBe(first.sessionId);
      expect(countShown(second)).toBe("0");
      expect(sliderShown(second)).toBe(1);

      await click(second, "Add one");
      await click(first, "Add one");
      expect(countShown(second)).toBe("1");
      expect(countShown(first)).toBe("4");
    });

    test("a click is answered as text/event-stream", async () => {
      const tab = await openCounter(server.url);
      const response = await fetch(server.url + ROUTES.event, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId: tab.sessionId,
          lastRunId: tab.lastRunId,
          eventId: crypto.randomUUID(),
          changes: [{ id: tab.widgetId("button", "Add one"), value: true }],
        }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const body = await response.text();
      expect(body).toMatch(/^data: \{"type":"start"/);
      expect(body).toContain('"kind":"metric","props":{"label":"Count","value":"1"');
      expect(body).toMatch(/data: \{"type":"finish"[^\n]*\n\n$/);
    });
  });
}
