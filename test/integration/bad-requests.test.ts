import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../../src/protocol/index.ts";
import type { EventClient } from "../helpers/events.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { click, clickBody, countShown, messagesOf, openCounter } from "./counter-tab.ts";

/**
 * Malformed, forbidden or unknown-session requests get a 4xx with a clear
 * message; the server keeps serving and the tab's stored session is intact.
 */

let server: Awaited<ReturnType<typeof startEdgelit>>;
beforeAll(async () => {
  server = await startEdgelit({ storage: "memory" });
});
afterAll(async () => {
  await server?.stop();
});

interface RawEvent {
  body: string;
  /** Replaces the browser's headers; a header set to null is left out. */
  headers?: Record<string, string | null>;
}

/** Posts exactly what it is given, with the browser's headers unless overridden. */
async function postRaw(
  event: RawEvent,
): Promise<{ status: number; contentType: string; error: { code: string; message: string } }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    "content-type": "application/json",
    [CLIENT_HEADER]: "1",
    ...event.headers,
  })) {
    if (value !== null) headers[name] = value;
  }
  const response = await fetch(server.url + ROUTES.event, {
    method: "POST",
    headers,
    body: event.body,
    signal: AbortSignal.timeout(10_000),
  });
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  return {
    status: response.status,
    contentType,
    error: contentType.includes("json") ? JSON.parse(text).error : { code: "?", message: text },
  };
}

interface BadCase {
  name: string;
  event(tab: EventClient): RawEvent;
  status: number;
  code: string;
  message: string | RegExp;
}

const cases: BadCase[] = [
  {
    name: "a body that is not JSON",
    event: (tab) => ({ body: clickBody(tab).slice(0, -1) }),
    status: 400,
    code: "bad_request",
    message: "The event body is not valid JSON.",
  },
  {
    name: "a JSON array",
    event: () => ({ body: "[1, 2]" }),
    status: 400,
    code: "bad_request",
    message: "The event body must be a JSON object.",
  },
  {
    name: "JSON null",
    event: () => ({ body: "null" }),
    status: 400,
    code: "bad_request",
    message: "The event body must be a JSON object.",
  },
  {
    name: "another protocol version",
    event: (tab) => ({ body: clickBody(tab, { protocol: 99 }) }),
    status: 400,
    code: "unsupported_protocol",
    message: `This server speaks protocol ${PROTOCOL_VERSION}; the page sent 99. Reload the page.`,
  },
  {
    name: "no protocol at all",
    event: (tab) => ({ body: clickBody(tab, { protocol: undefined }) }),
    status: 400,
    code: "unsupported_protocol",
    message: `This server speaks protocol ${PROTOCOL_VERSION}; the page sent undefined. Reload the page.`,
  },
  {
    name: "a malformed session id",
    event: (tab) => ({ body: clickBody(tab, { sessionId: "../../etc/passwd" }) }),
    status: 400,
    code: "bad_request",
    message: "sessionId must be null or a session id made by this server.",
  },
  {
    name: "the session id in upper case",
    event: (tab) => ({ body: clickBody(tab, { sessionId: tab.sessionId!.toUpperCase() }) }),
    status: 400,
    code: "bad_request",
    message: "sessionId must be null or a session id made by this server.",
  },
  {
    name: "a well-formed session id the server never made",
    event: (tab) => ({ body: clickBody(tab, { sessionId: "0123456789abcdef0123456789abcdef" }) }),
    status: 404,
    code: "session_expired",
    message: "This session has expired or does not exist; start a new one.",
  },
  {
    name: "a run id that is not a string",
    event: (tab) => ({ body: clickBody(tab, { lastRunId: 42 }) }),
    status: 400,
    code: "bad_request",
    message: "lastRunId must be null or a run id.",
  },
  {
    name: "no event id",
    event: (tab) => ({ body: clickBody(tab, { eventId: undefined }) }),
    status: 400,
    code: "bad_request",
    message: "eventId must be a string of 1 to 64 characters, the same on every retry of an event.",
  },
  {
    name: "no x-edgelit header",
    event: (tab) => ({ body: clickBody(tab), headers: { [CLIENT_HEADER]: null } }),
    status: 403,
    code: "forbidden",
    message: `Event requests must carry the ${CLIENT_HEADER} header (sent by the edgelit page).`,
  },
  {
    name: "an event from another origin",
    event: (tab) => ({ body: clickBody(tab), headers: { origin: "http://evil.example" } }),
    status: 403,
    code: "forbidden",
    message:
      "Events from http://evil.example are not accepted: this server only takes events from its own pages.",
  },
  {
    name: "an opaque (null) origin",
    event: (tab) => ({ body: clickBody(tab), headers: { origin: "null" } }),
    status: 403,
    code: "forbidden",
    message: /^Events from null are not accepted/,
  },
  {
    name: "a text/plain body (what a cross-site form can send)",
    event: (tab) => ({ body: clickBody(tab), headers: { "content-type": "text/plain" } }),
    status: 400,
    code: "bad_request",
    message: "Event bodies must be JSON (content-type: application/json).",
  },
  {
    name: "changes that are not an array",
    event: (tab) => ({
      body: clickBody(tab, { changes: { id: tab.widgetId("button", "Add one"), value: true } }),
    }),
    status: 400,
    code: "bad_request",
    message: "changes must be an array of { id, value }.",
  },
  {
    name: "a change without a value",
    event: (tab) => ({
      body: clickBody(tab, { changes: [{ id: tab.widgetId("button", "Add one") }] }),
    }),
    status: 400,
    code: "bad_request",
    message: "Each change must be { id: string, value }.",
  },
  {
    name: "more than 1000 changes in one event",
    event: (tab) => ({
      body: clickBody(tab, {
        changes: Array.from({ length: 1001 }, () => ({
          id: tab.widgetId("button", "Add one"),
          value: true,
        })),
      }),
    }),
    status: 413,
    code: "payload_too_large",
    message: "An event may change at most 1000 widgets.",
  },
  {
    // Built as text: nothing on this side may recurse into it either.
    name: "a change value nested 100,000 levels deep",
    event: (tab) => ({
      body: clickBody(tab, {
        changes: [{ id: tab.widgetId("button", "Add one"), value: "DEEP" }],
      }).replace('"DEEP"', "[".repeat(100_000) + "]".repeat(100_000)),
    }),
    status: 400,
    code: "bad_request",
    message: "A change's value is nested more than 32 levels deep; no widget takes such a value.",
  },
  {
    name: "a body over the 1 MiB limit",
    event: (tab) => ({ body: clickBody(tab, { padding: "x".repeat(1.1 * 1024 * 1024) }) }),
    status: 413,
    code: "payload_too_large",
    message: "The event body is larger than 1048576 bytes.",
  },
];

describe.each(cases)("$name", ({ event, status, code, message }) => {
  test(`is refused with ${status} ${code}, and the session still counts`, async () => {
    const tab = await openCounter(server.url);
    await click(tab, "Add one");

    const answer = await postRaw(event(tab));
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.error.code).toBe(code);
    if (typeof message === "string") expect(answer.error.message).toBe(message);
    else expect(answer.error.message).toMatch(message);

    const after = await click(tab, "Add one");
    expect(after.status).toBe(200);
    // The refused request ran nothing: the server still holds the tab's last run.
    expect(messagesOf(after, "start")).toMatchObject([{ sessionId: tab.sessionId, reset: false }]);
    expect(countShown(tab)).toBe("2");
  });
});

test("an event from the server's own origin is accepted", async () => {
  const tab = await openCounter(server.url);
  const answer = await postRaw({ body: clickBody(tab), headers: { origin: server.url } });
  expect(answer.status).toBe(200);
  expect(answer.contentType).toMatch(/^text\/event-stream/);
});
