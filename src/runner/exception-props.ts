import { redactSecrets } from "../errors/secret-redaction.ts";
import type { ElementPropsByKind } from "../protocol/index.ts";

/**
 * How much of an error the app did not catch reaches the page (the server's
 * log always has all of it):
 * - `full`: its type, message and, in development, its stack;
 * - `stacktrace`: its type and, in development, its stack; a generic message;
 * - `type`: its type and a generic message;
 * - `none`: a generic message only.
 *
 * Outside development no stack ever reaches the page, whatever the setting.
 * Errors the app shows itself (`st.exception`, `st.write(error)`) are not
 * affected: the app chose to show them.
 */
export type ShowErrorDetails = "full" | "stacktrace" | "type" | "none";

/** Every value of {@link ShowErrorDetails}, for checking a setting. */
export const SHOW_ERROR_DETAILS: readonly ShowErrorDetails[] = [
  "full",
  "stacktrace",
  "type",
  "none",
];

/** What the page says in place of an error message it may not show. */
export const HIDDEN_ERROR_MESSAGE =
  "This app has encountered an error. Its details are hidden from this page; the server's log has them.";

type ExceptionProps = ElementPropsByKind["exception"];

/** The props of an exception box for any thrown value; known secret values are hidden (see redactSecrets). */
export function exceptionProps(error: unknown, withStack: boolean): ExceptionProps {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: redactSecrets(error.message),
      ...(withStack && error.stack !== undefined && { stack: redactSecrets(error.stack) }),
    };
  }
  return { name: "Error", message: redactSecrets(String(error)) };
}

/**
 * The props of the box for an error the app did not catch, as much of it as
 * `details` lets through (see {@link ShowErrorDetails}); a stack only when `dev`.
 */
export function uncaughtExceptionProps(
  error: unknown,
  details: ShowErrorDetails,
  dev: boolean,
): ExceptionProps {
  const full = exceptionProps(error, dev && (details === "full" || details === "stacktrace"));
  if (details === "full") return full;
  if (details === "none") return { message: HIDDEN_ERROR_MESSAGE };
  const shown: ExceptionProps = { name: full.name, message: HIDDEN_ERROR_MESSAGE };
  if (full.stack !== undefined) shown.stack = withoutMessage(full.stack, full);
  return shown;
}

// --- Internal helpers ---

/**
 * A V8 stack starts with `Name: message`: in `stacktrace` mode the frames go
 * to the page, the message (which may hold data) does not.
 */
function withoutMessage(stack: string, error: ExceptionProps): string {
  const header = `${error.name}: ${error.message}`;
  if (stack.startsWith(header)) return `${error.name}${stack.slice(header.length)}`;
  // Not the usual shape: keep only the frames, which never hold the message.
  const frames = stack.split("\n").filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames].join("\n");
}
