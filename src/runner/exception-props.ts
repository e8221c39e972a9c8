import type { ElementPropsByKind } from "../protocol/index.ts";

/** The props of an exception box for any thrown value. */
export function exceptionProps(
  error: unknown,
  withStack: boolean,
): ElementPropsByKind["exception"] {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      ...(withStack && error.stack !== undefined && { stack: error.stack }),
    };
  }
  return { name: "Error", message: String(error) };
}
