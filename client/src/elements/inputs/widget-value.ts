import { createEffect, createSignal, on, type Accessor } from "solid-js";
import type { WidgetProps } from "../../../../src/protocol/index.ts";
import { useClient } from "../../runtime/client-context.ts";
import { useForm } from "../forms/form-context.ts";

export interface WidgetValue<T> {
  /** What the widget shows: the user's value while it is theirs, else the server's. */
  value: Accessor<T>;
  /** Shows a value the user is still editing (typing); nothing is sent yet. */
  edit(value: T): void;
  /** Shows the value and sends it, unless the server already holds it. In a form, the form holds it until its submit. */
  commit(value: T): void;
}

/**
 * A widget's value as the user sees it. The user's value shows at once; when
 * new props arrive or a run settles, the server's value takes over again (so
 * a refused value snaps back), except while the user is mid-edit or a change
 * of this widget still waits in the queue (or in its form, until the form is
 * submitted).
 *
 * @example
 * const state = createWidgetValue(() => props.el, () => props.el.value);
 * <input checked={state.value()} onChange={(e) => state.commit(e.currentTarget.checked)} />
 */
export function createWidgetValue<T>(
  el: Accessor<WidgetProps>,
  server: Accessor<T>,
  toWire: (value: T) => unknown = (value) => value,
): WidgetValue<T> {
  const client = useClient();
  const form = useForm();
  const [local, setLocal] = createSignal<{ value: T }>();
  let editing = false;

  createEffect(
    on(
      [el, client.settled],
      () => {
        const id = el().id;
        if (!editing && !client.queue.isQueued(id) && !form?.isHeld(id)) setLocal(undefined);
      },
      { defer: true },
    ),
  );

  const same = (a: T, b: T) => JSON.stringify(toWire(a)) === JSON.stringify(toWire(b));

  return {
    value: () => {
      const mine = local();
      return mine ? mine.value : server();
    },
    edit(value) {
      editing = true;
      setLocal({ value });
    },
    commit(value) {
      const wasEditing = editing;
      editing = false;
      const mine = local();
      // Already sent, e.g. Enter then blur with no typing in between.
      if (!wasEditing && mine && same(mine.value, value)) return;
      const id = el().id;
      // A queued change must be overwritten even by the server's own value.
      if (same(value, server()) && !client.queue.isQueued(id)) {
        form?.release(id);
        setLocal(undefined);
        return;
      }
      setLocal({ value });
      if (form) form.hold({ id, value: toWire(value) });
      else client.queue.change({ id, value: toWire(value) });
    },
  };
}
