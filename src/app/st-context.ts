import { TARGET, type Drawable } from "../elements/core/target.ts";

/** What `st.context` tells the app about where it runs. */
export interface StContext {
  /**
   * The runtime's bindings, read-only: on Cloudflare Workers the Worker's
   * `env` of this request (vars, secrets, KV and Durable Object bindings);
   * under `edgelit run` / `edgelit start`, `process.env`. Values are
   * `unknown`: narrow them where they are used.
   * @example const greeting = String(st.context.env.GREETING ?? "Hello");
   */
  readonly env: Readonly<Record<string, unknown>>;
}

/**
 * `st.context`, once for every `st` (on its prototype): made on each read from
 * the run the handle draws into, so a run that never reads it pays nothing.
 */
export const contextMembers = {
  get context(): StContext {
    const run = (this as unknown as Drawable)[TARGET].run;
    return { env: run.env };
  },
};
