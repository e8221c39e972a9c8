import { storeErrorKind } from "../session/store-error.ts";
import { redactSecrets } from "../errors/secret-redaction.ts";

/**
 * Where the server writes what an operator should see. Each call is one
 * entry: a script error's stack rides on the lines after its first, in the
 * same call, so a log collector keeps an entry whole.
 *
 * @example
 * const entries: string[] = [];
 * createServer({ app, storage, log: { error: (e) => entries.push(e), warn: (e) => entries.push(e) } });
 */
export interface ServerLog {
  error(entry: string): void;
  warn(entry: string): void;
}

/**
 * The default log: the process's stderr (`console.error`, `console.warn`).
 *
 * @example
 * const log = options.log ?? consoleLog;
 */
export const consoleLog: ServerLog = {
  error: (entry) => console.error(entry),
  warn: (entry) => console.warn(entry),
};

/**
 * `log` with every known secret value hidden from its entries (see redactSecrets).
 *
 * @example
 * const log = redactingLog(options.log ?? consoleLog);
 */
export function redactingLog(log: ServerLog): ServerLog {
  return {
    error: (entry) => log.error(redactSecrets(entry)),
    warn: (entry) => log.warn(redactSecrets(entry)),
  };
}

/** A session id as a log names it: its first 8 characters, enough to follow one session, not to take it over. */
export function shortSessionId(sessionId: string): string {
  return sessionId.slice(0, 8);
}

/**
 * `Name: message` and the stack's frames on the following lines, then the
 * cause, if any, in one line per level.
 *
 * @example
 * log.error(`[edgelit] script error in app (session 1a2b3c4d): ${describeError(error)}`);
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  const header = `${error.name}: ${error.message}`;
  let text = header;
  const stack = error.stack;
  if (stack !== undefined)
    text += stack.startsWith(header) ? stack.slice(header.length) : `\n${stack}`;
  let cause = error.cause;
  for (let depth = 0; cause !== undefined && depth < 3; depth++) {
    text += `\n  caused by ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return text;
}

/**
 * A store error's message for a log line: one line, with any password in a
 * URL it quotes replaced by `***`.
 */
export function storeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, "$1***@").replace(/\s*\n\s*/g, " ");
}

/**
 * A store error for a log entry: its message (as {@link storeErrorMessage})
 * and its kind in brackets, so an operator tells a full store from a dead one.
 *
 * @example
 * storeErrorLine(new Error("READONLY You can't write against a read only replica."));
 * // "READONLY You can't write against a read only replica. [read-only]"
 */
export function storeErrorLine(error: unknown): string {
  return `${storeErrorMessage(error)} [${storeErrorKind(error)}]`;
}
