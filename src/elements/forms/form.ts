import type { Container } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { button, formSubmitButtonKind, type ButtonOptions } from "../inputs/button.ts";
import { openContainer } from "../core/handle.ts";

/** Options of `form`. */
export interface FormOptions {
  /** After the submit's run, the form's widgets go back to their defaults (that run sees what was sent). Default false. */
  clearOnSubmit?: boolean;
  /** Enter in one of the form's text or number inputs submits it, like its first submit button. Default true. */
  enterToSubmit?: boolean;
  /** Draw a border around the form. Default true. */
  border?: boolean;
}

/** Options of `formSubmitButton`. */
export type FormSubmitButtonOptions = ButtonOptions;

/** Forms: widgets whose changes are sent together, by a submit button. */
export const formMethods = {
  /**
   * A form: a container whose widgets do not rerun the app when the user
   * changes them. Their values are held in the page until a submit button of
   * the form is clicked; then they are all sent at once, in one event. Every
   * form needs a submit button (`form.formSubmitButton`); forms cannot be
   * nested, and their keys must be unique.
   *
   * @example
   * const form = st.form("signup", { clearOnSubmit: true });
   * const name = form.textInput("Name");
   * const age = form.slider("Age", { min: 18, max: 99 });
   * if (form.formSubmitButton("Sign up")) st.success(`Welcome, ${name} (${age})`);
   */
  form(this: Drawable, key: string, options: FormOptions = {}): Container {
    const target = this[TARGET];
    const run = target.run;
    run.forms.checkNew(key, target.path);
    const path = target.emit("form", {
      border: options.border ?? true,
      enterToSubmit: options.enterToSubmit ?? true,
    });
    run.forms.open(key, path, options.clearOnSubmit === true && run.isSubmitted(key));
    return openContainer(target.block(path));
  },
  /**
   * The button that sends its form: call it on the form. Returns true for
   * exactly the run its click (or Enter in the form) causes, in which the
   * form's widgets return the values sent with it.
   *
   * @example
   * const form = st.form("search");
   * const query = form.textInput("Query");
   * if (form.formSubmitButton("Search", { type: "primary" })) st.write(`Results for ${query}`);
   */
  formSubmitButton(
    this: Drawable,
    label = "Submit",
    options: FormSubmitButtonOptions = {},
  ): boolean {
    const target = this[TARGET];
    const form = target.run.forms.formAt(target.path);
    if (!form) {
      throw new EdgelitApiError(
        `st.formSubmitButton("${label}") must be called on a form: const form = st.form("my-form"); form.formSubmitButton("${label}").`,
      );
    }
    const value = button(target, formSubmitButtonKind, label, options);
    form.hasSubmitButton = true;
    return value;
  },
};
