import { pathKey, type ElementPath } from "../protocol/index.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/** A form the run has drawn. */
export interface RunForm {
  key: string;
  /** Where its block is; a widget whose path starts here is in it. */
  path: ElementPath;
  /** Submitted by this event with `clearOnSubmit`: its widgets go back to their defaults after this run. */
  clearing: boolean;
  hasSubmitButton: boolean;
}

/** What a form without a submit button shows, as in Streamlit. */
export const MISSING_SUBMIT_BUTTON =
  "**Missing Submit Button**\n\nThis form has no submit button, so what the user enters in it is never sent to the app. " +
  'Add one with `form.formSubmitButton("Submit")`.';

/**
 * The forms of one run: where their blocks are, so a widget knows its form
 * from its path, and which of them this event submitted.
 */
export class RunForms {
  private byPath = new Map<string, RunForm>();
  private byKey = new Map<string, RunForm>();
  /**
   * The values the script sees in the run that clears their form: the record
   * holds the defaults already, so the page shows them and the next run starts there.
   */
  readonly submittedValues = new Map<string, unknown>();

  /** Registers a form whose block is at `path` (after `checkNew`). */
  open(key: string, path: ElementPath, clearing: boolean): RunForm {
    const form: RunForm = { key, path, clearing, hasSubmitButton: false };
    this.byPath.set(pathKey(path), form);
    this.byKey.set(key, form);
    return form;
  }

  /** Throws unless a form with this key may be placed at `parent`. */
  checkNew(key: string, parent: ElementPath): void {
    if (typeof key !== "string" || key === "")
      throw new EdgelitApiError(`st.form needs a non-empty key; got ${JSON.stringify(key)}.`);
    const outer = this.formAt(parent);
    if (outer)
      throw new EdgelitApiError(
        `st.form("${key}") is inside the form "${outer.key}": forms cannot be nested.`,
      );
    if (this.byKey.has(key)) {
      throw new EdgelitApiError(
        `There are two forms with key "${key}". Form keys must be unique within an app.`,
      );
    }
  }

  /** The form whose block holds `path` (an element's block, or a placeholder's element), if any. */
  formAt(path: ElementPath): RunForm | undefined {
    if (this.byPath.size === 0) return undefined;
    for (let length = path.length; length > 0; length--) {
      const form = this.byPath.get(pathKey(path.slice(0, length)));
      if (form) return form;
    }
    return undefined;
  }

  /** The forms drawn without a submit button. */
  withoutSubmitButton(): RunForm[] {
    return [...this.byKey.values()].filter((form) => !form.hasSubmitButton);
  }
}
