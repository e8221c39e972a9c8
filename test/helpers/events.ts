import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  applyServerMessage,
  createElementTree,
  createSseParser,
  type ServerMessage,
  type CarriedEvent,
  type EventSeq,
  type FragmentRequest,
  type ElementTree,
  type TreeNode,
  type WidgetChange,
} from "../../src/protocol/index.ts";

/** The answer to one event: the HTTP status and, for a stream, its messages. */
export interface EventAnswer {
  status: number;
  messages: ServerMessage[];
  /** The JSON body of a refused request. */
  error?: { code: string; message: string };
}

/** The body of one event, as the browser posts it (a string is sent as it is). */
export type EventBody =
  | {
      sessionId: string | null;
      lastRunId: string | null;
      eventId?: string;
      /** The event's place in its tab's order, as the page numbers it. */
      seq?: EventSeq;
      changes?: WidgetChange[];
      carried?: CarriedEvent[];
      /** Rerun only this fragment, as its widgets' events do in the page. */
      fragment?: FragmentRequest;
    }
  | string;

/** Posts one event as the browser does and reads the whole answer. */
export function postEvent(
  baseUrl: string,
  body: EventBody,
  headers: Record<string, string> = {},
): Promise<EventAnswer> {
  return streamEvent(baseUrl, body, headers).answer;
}

/** An event whose answer is read as it streams: see {@link streamEvent}. */
export interface StreamedEvent {
  /** The first message of this type, once it has arrived; rejects if the answer ends without one. */
  reached<T extends ServerMessage["type"]>(type: T): Promise<Extract<ServerMessage, { type: T }>>;
  /** The first message `matches` accepts, once it has arrived; rejects if the answer ends without one. */
  arrived(matches: (message: ServerMessage) => boolean): Promise<ServerMessage>;
  /** The whole answer; rejects when the connection is lost. */
  answer: Promise<EventAnswer>;
}

/**
 * Posts one event and reads its answer message by message, so a test can act
 * at a known point of a run (`await event.reached("start")`) instead of after
 * a guessed delay.
 */
export function streamEvent(
  baseUrl: string,
  body: EventBody,
  headers: Record<string, string> = {},
): StreamedEvent {
  const messages: ServerMessage[] = [];
  const waiting: {
    matches(message: ServerMessage): boolean;
    arrived(message: ServerMessage): void;
  }[] = [];
  const parse = createSseParser((message) => {
    messages.push(message);
    for (const waiter of waiting.filter((waiter) => waiter.matches(message)))
      waiter.arrived(message);
  });
  const answer = (async (): Promise<EventAnswer> => {
    const response = await fetch(baseUrl + ROUTES.event, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1", ...headers },
      body:
        typeof body === "string"
          ? body
          : JSON.stringify({
              protocol: PROTOCOL_VERSION,
              changes: [],
              eventId: crypto.randomUUID(),
              ...body,
            }),
    });
    if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      const json = (await response.json()) as { error: { code: string; message: string } };
      return { status: response.status, messages: [], error: json.error };
    }
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) parse(decoder.decode(chunk, { stream: true }));
    parse(decoder.decode());
    return { status: response.status, messages };
  })();
  const arrived = (matches: (message: ServerMessage) => boolean, what: string) => {
    const seen = messages.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise<ServerMessage>((resolve, reject) => {
      waiting.push({ matches, arrived: resolve });
      answer.then(
        (whole) =>
          reject(
            new Error(
              `the answer ended (status ${whole.status}) without ${what}: ${JSON.stringify(whole.error ?? whole.messages)}`,
            ),
          ),
        reject,
      );
    });
  };
  return {
    answer,
    reached(type) {
      type Found = Extract<ServerMessage, { type: typeof type }>;
      return arrived((message) => message.type === type, `a ${type} message`) as Promise<Found>;
    },
    arrived: (matches) => arrived(matches, "the message awaited"),
  };
}

/**
 * A simulated tab: keeps its session id and last run, and the page tree, so
 * tests can click and read like a browser without one.
 */
export class EventClient {
  sessionId: string | null = null;
  lastRunId: string | null = null;
  last: EventAnswer | undefined;
  /** The page as a browser would hold it after the answers so far. */
  tree = createElementTree();

  constructor(public baseUrl: string) {}

  async send(changes: WidgetChange[] = []): Promise<EventAnswer> {
    const answer = await postEvent(this.baseUrl, {
      sessionId: this.sessionId,
      lastRunId: this.lastRunId,
      changes,
    });
    for (const message of answer.messages) {
      if (message.type === "start") this.sessionId = message.sessionId;
      if (message.type === "finish") this.lastRunId = message.runId;
      applyServerMessage(this.tree, message);
    }
    this.last = answer;
    return answer;
  }

  /** The props of every element of one kind on the page, in document order. */
  elements(kind: string): Record<string, unknown>[] {
    return elementsIn(this.tree, kind);
  }

  /** The id of the widget of `kind` labelled `label`. */
  widgetId(kind: string, label: string): string {
    return widgetIdIn(this.tree, kind, label);
  }
}

/** The props of every element of one kind in a page's tree, in document order. */
export function elementsIn(tree: ElementTree, kind: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (nodes: TreeNode[]) =>
    nodes.forEach((node) => {
      if (node.kind === kind) found.push(node.props);
      if (node.children) walk(node.children);
    });
  tree.roots.forEach(walk);
  return found;
}

/** The id of the widget of `kind` labelled `label` in a page's tree. */
export function widgetIdIn(tree: ElementTree, kind: string, label: string): string {
  const widget = elementsIn(tree, kind).find((props) => props.label === label);
  if (!widget) throw new Error(`no ${kind} labelled ${label} on the page`);
  return widget.id as string;
}

/** Posts one event to a server in this process (anything with `fetch`) and reads every message of the answer. */
export async function postToServer(
  server: { fetch(request: Request): Promise<Response> },
  body: object,
): Promise<ServerMessage[]> {
  const response = await server.fetch(
    new Request(`http://app.test${ROUTES.event}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
    }),
  );
  const messages: ServerMessage[] = [];
  createSseParser((message) => messages.push(message))(await response.text());
  return messages;
}
