import { createContext, useContext } from "solid-js";
import type { WidgetChange } from "../../../../src/protocol/index.ts";
import type { EventQueue } from "../../runtime/events.ts";

/**
 * A form in the page. Its widgets' changes are held here instead of being
 * sent; a submit sends them all with the submit button's click, as one event.
 */
export interface FormState {
  /** Holds a widget's new value until the form is submitted (replacing a held value of that widget). */
  hold(change: WidgetChange): void;
  /** Forgets a held value: the user set the widget back to what the server has. */
  release(widgetId: string): void;
  isHeld(widgetId: string): boolean;
  /** Sends the held values and the click of the submit button `submitId`, in one event. */
  submit(submitId: string): void;
  /** Enter in one of the form's text or number inputs: submits through its first enabled submit button, if the form allows it. */
  submitOnEnter(): void;
  /** A submit button of the form announces itself (the first one answers Enter); returns its removal. */
  addSubmitButton(button: SubmitButton): () => void;
}

interface SubmitButton {
  id: () => string;
  disabled: () => boolean;
}

/** Given to the widgets inside a form; undefined outside one. */
export const FormContext = createContext<FormState>();

/** The form around a widget, if any. */
export function useForm(): FormState | undefined {
  return useContext(FormContext);
}

/**
 * @example
 * const form = createFormState(client.queue, () => props.el.enterToSubmit);
 * <FormContext.Provider value={form}>{props.children}</FormContext.Provider>
 */
export function createFormState(queue: EventQueue, enterToSubmit: () => boolean): FormState {
  const held = new Map<string, WidgetChange>();
  const buttons: SubmitButton[] = [];

  const submit = (submitId: string) => {
    const changes = [...held.values(), { id: submitId, value: true }];
    held.clear();
    queue.submit(changes);
  };

  return {
    hold: (change) => void held.set(change.id, change),
    release: (widgetId) => void held.delete(widgetId),
    isHeld: (widgetId) => held.has(widgetId),
    submit,
    submitOnEnter() {
      const button = buttons.find((candidate) => !candidate.disabled());
      if (enterToSubmit() && button) submit(button.id());
    },
    addSubmitButton(button) {
      buttons.push(button);
      return () => void buttons.splice(buttons.indexOf(button), 1);
    },
  };
}
