import { CLIENT_HEADER, PROTOCOL_VERSION, createSseParser, type ServerMessage } from "../../../src/protocol/index.ts";
import type { EdgelitServer } from "../../../src/server/create-server.ts";

/** Posts one event to an in-process server and reads every message of the answer. */
export async function post(server: EdgelitServer, body: object): Promise<ServerMessage[]> {
  const response = await server.fetch(
    new Request("http://app.test/_edgelit/event", {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
    }),
  );
  const messages: ServerMessage[] = [];
  createSseParser((message) => messages.push(message))(await response.text());
  return messages;
}

/** The markdown bodies of an answer, in order. */
export const bodies = (messages: ServerMessage[]) =>
  messages.flatMap((message) => (message.type === "element" && message.kind === "markdown" ? [message.props.body] : []));

/** The messages of exceptions shown in an answer. */
export const exceptions = (messages: ServerMessage[]) =>
  messages.flatMap((message) => (message.type === "element" && message.kind === "exception" ? [message.props.message] : []));
