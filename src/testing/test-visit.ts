import type { BrowserContext } from "../protocol/index.ts";
import type { RequestFacts } from "../server/event-visit.ts";

/** What `AppTest` hands the app as `st.context` (see `AppTest#context`). */
export interface AppTestContext {
  headers?: Readonly<Record<string, string>>;
  cookies?: Readonly<Record<string, string>>;
  /** The page's origin; with the run's path and query it is `st.context.url`. Default `http://localhost`. */
  origin?: string;
  ipAddress?: string;
  locale?: string;
  timezone?: string;
  timezoneOffset?: number;
  theme?: "light" | "dark";
  isEmbedded?: boolean;
}

/** What the test's page says of its browser, as a real page sends it with each event. */
export function browserOf(context: AppTestContext): BrowserContext {
  return {
    locale: context.locale,
    timezone: context.timezone,
    timezoneOffset: context.timezoneOffset,
    theme: context.theme,
    isEmbedded: context.isEmbedded,
  };
}

/** What a server would read of the test's HTTP request: headers, cookies, URL, address, user. */
export function factsOf(
  context: AppTestContext,
  url: string,
  user: Readonly<Record<string, unknown>> | undefined,
): RequestFacts {
  const request = {
    headers: context.headers ?? {},
    cookies: context.cookies ?? {},
    url: `${context.origin ?? "http://localhost"}${url}`,
    ipAddress: context.ipAddress,
  };
  return user ? { request, user } : { request };
}
