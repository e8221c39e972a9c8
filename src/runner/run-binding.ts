import type { RunContext } from "./script-run.ts";

/**
 * The run an `st` (and every container handle made from it) draws into. A
 * handle holds its run's binding rather than the run: the callbacks that an
 * event's discovery pass finds have closed over that pass's `st`, and they
 * run in a run of their own, to which the binding is then handed
 * (`handTo`). Every other binding stays with its run.
 */
export class RunBinding {
  private current: RunContext;

  constructor(run: RunContext) {
    this.current = run;
  }

  /** The run handles made from this binding draw into now. */
  get run(): RunContext {
    return this.current;
  }

  /** From now on, handles made from this binding draw into `run`. */
  handTo(run: RunContext): void {
    this.current = run;
  }
}
