import type { ServerMessage } from "./messages.ts";

/** One server message as a Server-Sent Events frame. */
export function encodeSseFrame(message: ServerMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

/** A comment frame: keeps proxies from closing a quiet stream. */
export const SSE_HEARTBEAT = ": heartbeat\n\n";

/**
 * Splits a text stream of SSE frames into server messages. Feed it chunks as
 * they arrive (they may cut a frame anywhere); it calls `onMessage` once per
 * complete `data:` frame and skips comments.
 */
export function createSseParser(
  onMessage: (message: ServerMessage) => void,
): (chunk: string) => void {
  let buffer = "";
  return (chunk) => {
    buffer += chunk;
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      if (data) onMessage(JSON.parse(data) as ServerMessage);
      end = buffer.indexOf("\n\n");
    }
  };
}
