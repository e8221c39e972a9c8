import type { Client } from "../../runtime/create-client.ts";
import type { EventQueue } from "../../runtime/events.ts";

/**
 * The client as the widgets inside a fragment see it: their changes name the
 * fragment, so an event of only its widgets reruns only it. Widgets need no
 * change for this; they take the client from the context the fragment provides.
 *
 * @example
 * <ClientContext.Provider value={scopedClient(client, () => props.el.id)}>{props.children}</ClientContext.Provider>
 */
export function scopedClient(client: Client, fragmentId: () => string): Client {
  const queue: EventQueue = {
    ...client.queue,
    // A fragment (or dialog) nested in this one names itself: the innermost wins.
    change: (change, fragment) => client.queue.change(change, fragment ?? fragmentId()),
    trigger: (change, fragment) => client.queue.trigger(change, fragment ?? fragmentId()),
    submit: (changes, fragment) => client.queue.submit(changes, fragment ?? fragmentId()),
  };
  return { ...client, queue };
}
