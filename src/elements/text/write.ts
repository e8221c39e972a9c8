import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, openElement, type ElementHandle } from "../core/handle.ts";
import type { ElementPath } from "../../protocol/index.ts";
import { exceptionProps } from "../../runner/exception-props.ts";
import { toJsonValue } from "./to-json.ts";
import { isTabularData } from "../data/to-arrow.ts";
import { emitDataframe } from "../data/data-elements.ts";
import { writeStream, type TextStreamSource } from "./write-stream.ts";

/** `st.write`: the Swiss Army knife that picks an element for each argument. */
export const writeMethods = {
  /**
   * Writes each argument the way that suits it: text as markdown, numbers
   * and dates as text, errors as an exception box, tabular data (records,
   * columns, an Arrow table) as a dataframe, other data as JSON.
   * Consecutive text arguments join into one paragraph.
   *
   * Returns the handle of the element it drew; when it draws several (text,
   * then data), the handle of the last one. With nothing to write, it draws
   * nothing and returns an empty placeholder, as `st.empty()` does.
   *
   * @example st.write("Total:", 42, { region: "EU" })
   */
  write(this: Drawable, ...values: unknown[]): ElementHandle {
    const target = this[TARGET];
    const only = values[0];
    if (values.length === 1 && typeof only === "string") {
      return drawElement(target, "markdown", { body: only });
    }
    let last: ElementPath | undefined;
    let pendingText: string[] = [];
    const flushText = () => {
      if (pendingText.length) last = target.emit("markdown", { body: pendingText.join(" ") });
      pendingText = [];
    };
    for (const value of values) {
      if (typeof value === "string") pendingText.push(value);
      else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
        pendingText.push(String(value));
      else if (value instanceof Date) pendingText.push(value.toISOString());
      else if (value instanceof Error) {
        flushText();
        last = target.emit("exception", exceptionProps(value, target.run.dev));
      } else if (isTabularData(value)) {
        flushText();
        last = emitDataframe(target, value, {}, "st.write");
      } else {
        flushText();
        last = target.emit("json", { body: toJsonValue(value), expanded: true });
      }
    }
    flushText();
    return openElement(target.element(last ?? target.slot()));
  },
  /**
   * Writes a stream of text (an LLM's answer, say) as markdown that grows in
   * place while the chunks arrive, and resolves to the whole text. Takes an
   * async iterable, a ReadableStream of text or bytes, or a function returning one.
   *
   * @example
   * const reply = await st.chatMessage("assistant").writeStream(llm.stream(prompt));
   */
  writeStream(this: Drawable, source: TextStreamSource): Promise<string> {
    return writeStream(this[TARGET], source);
  },
};
