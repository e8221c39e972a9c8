import type { RerunRequest } from "../protocol/index.ts";
import type { RunVisit, SecretsTable, VisitRequest } from "../runner/run-visit.ts";

/** What the server read of an event's HTTP request, carried with the event (to a script thread too). */
export interface RequestFacts {
  readonly request: VisitRequest;
  /** The logged-in user's claims, read from the identity cookie; undefined when nobody is. */
  readonly user?: Readonly<Record<string, unknown>>;
}

/** An event as a route hands it on: the page's request, and what the server read of the HTTP request. */
export type EventRequest = RerunRequest & { facts?: RequestFacts };

const NO_SECRETS: SecretsTable = Object.freeze({});

/**
 * The visit a run of this event sees (`st.secrets`, `st.context`, `st.user`): the secrets the
 * server loaded, the request the route read, and what the page says of its browser.
 */
export function visitOf(
  secrets: SecretsTable | undefined,
  request: EventRequest,
  providers: readonly string[] | undefined,
): RunVisit {
  return {
    secrets: secrets ?? NO_SECRETS,
    request: request.facts?.request,
    browser: request.browser,
    user: request.facts?.user,
    auth: providers && { providers },
  };
}
