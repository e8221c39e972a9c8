import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { FormContext, createFormState } from "./form-context.ts";

/** A form: its widgets' changes wait here until a submit button sends them (see form-context.ts). */
export function Form(props: ElementProps<"form">) {
  const form = createFormState(useClient().queue, () => props.el.enterToSubmit);
  return (
    <FormContext.Provider value={form}>
      <div class="stack form" classList={{ bordered: props.el.border }}>
        {props.children}
      </div>
    </FormContext.Provider>
  );
}
