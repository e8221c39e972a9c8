import type { ServerMessage } from "../../../src/protocol/index.ts";
import type { EdgelitServer } from "../../../src/server/create-server.ts";
import { postToServer } from "../../helpers/events.ts";

/** Posts one event to an in-process server and reads every message of the answer. */
export const post = (server: EdgelitServer, body: object): Promise<ServerMessage[]> =>
  postToServer(server, body);

/** The markdown bodies of an answer, in order. */
export const bodies = (messages: ServerMessage[]) =>
  messages.flatMap((message) =>
    message.type === "element" && message.kind === "markdown" ? [message.props.body] : [],
  );

/** The messages of exceptions shown in an answer. */
export const exceptions = (messages: ServerMessage[]) =>
  messages.flatMap((message) =>
    message.type === "element" && message.kind === "exception" ? [message.props.message] : [],
  );
