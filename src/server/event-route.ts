import { encodeSseFrame, type ServerMessage } from "../protocol/index.ts";
import { errorResponse, RequestError } from "./errors.ts";
import { handleRerun, type RerunContext } from "./handle-rerun.ts";
import { readRerunRequest, type EventLimits } from "./read-event.ts";

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
};

/** `POST /_edgelit/event`: answers with the run's messages as an SSE stream. */
export async function eventRoute(request: Request, context: RerunContext, limits: EventLimits): Promise<Response> {
  let rerunRequest;
  try {
    rerunRequest = await readRerunRequest(request, limits);
  } catch (error) {
    if (error instanceof RequestError) return errorResponse(error.code, error.message);
    throw error;
  }

  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    // The browser went away: the run goes on and is saved, so nothing is lost.
    cancel: () => void (open = false),
  });
  const send = (messages: ServerMessage[]) => {
    if (!open) return;
    controller.enqueue(encoder.encode(messages.map(encodeSseFrame).join("")));
  };

  const { ready, done } = handleRerun(context, rerunRequest, send);
  try {
    await ready;
  } catch (error) {
    if (error instanceof RequestError) return errorResponse(error.code, error.message);
    console.error("[edgelit] event failed before it started:", error);
    return errorResponse("internal", "The server failed to handle this event.");
  }
  done
    .catch((error) => {
      console.error("[edgelit] event failed:", error);
      send([{ type: "error", code: "internal", message: "The server failed while running the app; nothing was saved." }]);
    })
    .finally(() => {
      if (open) controller.close();
      open = false;
    });
  return new Response(stream, { headers: SSE_HEADERS });
}
