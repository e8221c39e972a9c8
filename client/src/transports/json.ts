import type { CreateTransport } from "./transport.ts";
import { postEvent, readAnswer } from "./http.ts";

/**
 * Events as `POST ROUTES.event` with `accept: application/json`: the whole run
 * in one answer, for networks that buffer streams and refuse WebSockets. The
 * last resort: it never gives way.
 *
 * @example
 * const outcome = await createJsonTransport(giveWay).send(request, apply, signal);
 */
export const createJsonTransport: CreateTransport = () => ({
  name: "json",
  async send(request, onMessage, signal) {
    const response = await postEvent(request, "application/json", signal);
    return response instanceof Response ? readAnswer(response, onMessage, signal) : response;
  },
});
