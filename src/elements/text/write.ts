import { TARGET, type Drawable } from "../core/target.ts";
import { exceptionProps } from "../../runner/exception-props.ts";
import { toJsonValue } from "./to-json.ts";
import { writeStream, type TextStreamSource } from "./write-stream.ts";

/** `st.write`: the Swiss Army knife that picks an element for each argument. */
export const writeMethods = {
  /**
   * Writes each argument the way that suits it: text as markdown, numbers
   * and dates as text, errors as an exception box, other data as JSON.
   * Consecutive text arguments join into one paragraph.
   *
   * @example st.write("Total:", 42, { region: "EU" })
   */
  write(this: Drawable, ...values: unknown[]): void {
    const target = this[TARGET];
    const only = values[0];
    if (values.length === 1 && typeof only === "string") {
      target.emit("markdown", { body: only });
      return;
    }
    let pendingText: string[] = [];
    const flushText = () => {
      if (pendingText.length) target.emit("markdown", { body: pendingText.join(" ") });
      pendingText = [];
    };
    for (const value of values) {
      if (typeof value === "string") pendingText.push(value);
      else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") pendingText.push(String(value));
      else if (value instanceof Date) pendingText.push(value.toISOString());
      else if (value instanceof Error) {
        flushText();
        target.emit("exception", exceptionProps(value, target.run.dev));
      } else {
        flushText();
        target.emit("json", { body: toJsonValue(value), expanded: true });
      }
    }
    flushText();
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
