import type { ElementPropsByKind } from "../protocol/index.ts";
import { uncaughtExceptionProps, type ShowErrorDetails } from "./exception-props.ts";
import type { FragmentScope } from "./fragment-tracker.ts";
import type { RunLocation } from "./location.ts";

/**
 * Told of every error the app did not catch, with where it happened (`app`,
 * `page /settings`, `fragment "chart" of app`, ...): the server logs it.
 */
export type ScriptErrorReport = (error: unknown, site: string) => void;

/** How one event shows and reports the errors its app did not catch. */
export interface ScriptErrorOptions {
  /** Stacks may reach the page. */
  readonly dev: boolean;
  /** How much of an error the page sees. Default `full`. */
  readonly showErrorDetails?: ShowErrorDetails;
  readonly report?: ScriptErrorReport;
}

/**
 * The errors of one event the app did not catch (a script, a fragment, a
 * callback, an element whose data failed): each is reported once, and the
 * page gets the box `showErrorDetails` allows. Control flow (`st.stop()`,
 * `st.rerun()`, an interrupted run) never comes here.
 */
export class ScriptErrors {
  constructor(private readonly options: ScriptErrorOptions) {}

  /** Reports `error`, which happened at `site`, and returns the props of the box the page shows. */
  shown(error: unknown, site: string): ElementPropsByKind["exception"] {
    this.options.report?.(error, site);
    return uncaughtExceptionProps(error, this.options.showErrorDetails ?? "full", this.options.dev);
  }
}

/**
 * Where a run is, for a log line: `app`, or `page /settings` once
 * `st.navigation` chose a page; inside `fragment "<id>" of` that when the
 * run redraws one fragment.
 */
export function errorSite(location: RunLocation, scope: FragmentScope | undefined): string {
  const chosen = location.pages?.chosen;
  const base = chosen ? `page /${chosen.urlPath}` : "app";
  return scope ? `fragment ${JSON.stringify(scope.instanceId)} of ${base}` : base;
}
