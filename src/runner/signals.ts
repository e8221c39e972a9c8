import { EdgelitApiError } from "../errors/api-error.ts";

/** Thrown by `st.rerun()`: the run starts over with the current state (`fragment`: only the fragment it was called in). */
export class RerunSignal extends Error {
  constructor(readonly scope: "app" | "fragment" = "app") {
    super("st.rerun() was called outside of a run");
    this.name = "RerunSignal";
  }
}

/** Thrown by `st.stop()`: the run ends here, as if the script had returned. */
export class StopSignal extends Error {
  constructor() {
    super("st.stop() was called outside of a run");
    this.name = "StopSignal";
  }
}

/** The page that asked for this run has gone (the user acted again): the run stops and saves nothing. */
export class InterruptSignal extends Error {
  constructor() {
    super("the run was interrupted by a newer event");
    this.name = "InterruptSignal";
  }
}

/** The run went past its time limit; shown in the page. */
export class RunTimeoutError extends Error {
  constructor(seconds: number) {
    super(
      `This run took longer than ${seconds} s, the server's limit (maxRunSeconds), and was stopped.`,
    );
    this.name = "RunTimeoutError";
  }
}

/** Internal: every callback the event needs has been found; the discovery pass stops. */
export class DiscoveryComplete extends Error {
  constructor() {
    super("discovery complete");
    this.name = "DiscoveryComplete";
  }
}

/** Two widgets of one run resolved to the same id. */
export class DuplicateWidgetIdError extends EdgelitApiError {
  constructor(kind: string, label: string, key: string | undefined) {
    super(
      key === undefined
        ? `There are two ${kind} widgets labelled "${label}" with the same options, so they have the same id. Give each a unique key, e.g. st.${kind}("${label}", { key: "${slug(label)}-2" }).`
        : `There are two widgets with key "${key}" (the second is the ${kind} "${label}"). Keys must be unique within an app.`,
    );
    this.name = "DuplicateWidgetIdError";
  }
}

/** True for the errors the runner uses for control flow rather than failures. */
export function isControlSignal(error: unknown): boolean {
  return (
    error instanceof RerunSignal ||
    error instanceof StopSignal ||
    error instanceof DiscoveryComplete ||
    error instanceof InterruptSignal
  );
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "widget"
  );
}

/**
 * What a run watches to stop early (the page has gone): an AbortSignal will
 * do, but a plain object is enough, and an AbortSignal costs microseconds to
 * make on every event.
 */
export interface Cancellation {
  readonly aborted: boolean;
  /** Called when it is aborted, if set (a run in another thread must be told at once). */
  onabort?: ((...args: never[]) => unknown) | null;
}
