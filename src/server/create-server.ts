import { H3, HTTPError } from "h3";
import { createScriptHost } from "../app/script-host.ts";
import type { Driver, Storage } from "unstorage";
import type { AppDefinition } from "../app/define-app.ts";
import { setCacheStorage } from "../cache/cache-storage.ts";
import { registerFrameMedia } from "../cache/cached-frame.ts";
import { ROUTES, type Transport } from "../protocol/index.ts";
import { createMediaStore, type MediaStore } from "../media/media-store.ts";
import { storageOf } from "../media/storage-of.ts";
import { mediaRoute } from "./media-route.ts";
import { frameRoute } from "./frame-route.ts";
import { frameOrderRoute } from "./frame-order-route.ts";
import { componentRoute, type ComponentFileReader } from "./component-route.ts";
import { componentModuleRoute } from "./component-module-route.ts";
import { uploadRoute } from "./upload-route.ts";
import { freshRecordForUpload } from "./fresh-upload.ts";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../elements/inputs/uploads.ts";
import { createSessionStore, type SessionStore } from "../session/store.ts";
import { createSessionIdIssuer } from "../session/session-ticket.ts";
import { loadMediaIdKey } from "../media/media-id.ts";
import { errorResponse } from "./errors.ts";
import { createEventGate } from "./event-gate.ts";
import { eventRoute } from "./event-route.ts";
import type { RerunContext, RerunDispatch } from "./handle-rerun.ts";
import { handedOffSocketRoute, socketNotOffered, socketRoute } from "./socket-route.ts";
import { createSocketEvents, type SocketEvents } from "./socket-events.ts";
import { renderPage } from "./page.ts";
import { inlineScriptHashes, pageCsp, type CspSources } from "./page-csp.ts";
import { mapStyleSources, workerCspFor } from "./chart-library-csp.ts";
import { toThemeCss } from "./theme-css.ts";
import type { EventLimits } from "./read-event.ts";
import { installHostCheck, type AllowedHosts } from "./host-check.ts";
import { installClientLimits } from "./client-limits.ts";
import { createFactsReader } from "./request-facts.ts";
import { authProvidersOf, readAuthConfig } from "./auth-config.ts";
import { createAuthOnDemand } from "./auth-on-demand.ts";
import type { TrustProxy } from "./client-address.ts";
import { SHOW_ERROR_DETAILS, type ShowErrorDetails } from "../runner/exception-props.ts";
import {
  consoleLog,
  describeError,
  redactingLog,
  storeErrorMessage,
  type ServerLog,
} from "./server-log.ts";
import { registerSecretValues } from "../errors/secret-redaction.ts";
import { namedSecretValuesOf, secretValuesOf } from "../app/secrets-files.ts";
import type { SecretsTable } from "../runner/run-visit.ts";

/** Serves the client's built files: the response for a path, or undefined. */
export type AssetSource = (pathname: string) => Promise<Response | undefined>;

/** Options of {@link createServer}. */
export interface ServerOptions {
  app: AppDefinition;
  /** Where sessions live: any unstorage instance (memory, fs, redis, ...). */
  storage: Storage;
  /** The client's files (index.html, assets/...); runtimes provide one. */
  assets?: AssetSource;
  /** Idle seconds before a session is forgotten. Default 3600. */
  sessionTtlSeconds?: number;
  /** Development mode: stacks in the page, reload on source changes. */
  dev?: boolean;
  /**
   * How much of an error the app did not catch the page sees, as Streamlit's
   * `client.showErrorDetails`: `full` (type and message), `stacktrace` or
   * `type` (the type), `none` (nothing); a generic message stands for what is
   * hidden. The stack is added in development only, with `full` or
   * `stacktrace`. The log always gets everything; errors the app shows itself
   * (`st.exception`) are not affected. Default `full`.
   */
  showErrorDetails?: ShowErrorDetails;
  /**
   * Where the server logs: every script error (with its stack) and every
   * store error is one `error` entry. Default: the console (stderr).
   */
  log?: ServerLog;
  /** Largest event body in bytes. Default 1 MiB. */
  maxEventBytes?: number;
  /**
   * The key media ids are made with (at least 16 characters of random text;
   * the same on every replica). Without one, a key generated once is kept in
   * the store, which every replica shares.
   */
  mediaSecret?: string;
  /**
   * Where media, uploads, download payloads and frame batches keep their bytes: any unstorage
   * instance or driver (an S3 or R2 bucket, a shared volume). Default: `storage`, beside the
   * sessions. See `--media-storage` in the README.
   */
  mediaStorage?: Storage | Driver;
  /** Largest upload body in bytes, whatever a widget allows. Default 200 MB. */
  maxUploadBytes?: number;
  /**
   * The bytes one session's uploaded files may keep in the store at once
   * (uploads under way count by their declared length); an upload past it
   * is refused with 413. Default 1 GB.
   */
  maxSessionUploadBytes?: number;
  /** The longest a run may take before it stops with an error in the page. Default 300 s. */
  maxRunSeconds?: number;
  /** The largest element sent to the page, in bytes of JSON; a larger one shows as an error. Default 16 MiB. */
  maxMessageBytes?: number;
  /** How often a long stream says it is alive, so proxies and the page know it is. Default 5 s. */
  heartbeatSeconds?: number;
  /**
   * How long the page waits for an event's first byte, or for the next
   * message or heartbeat of its stream, before it gives the attempt up and
   * sends the same event again (behind a balancer, to another replica). A run's
   * total length never counts. Must exceed `heartbeatSeconds`; 0 never gives
   * up. Default 15 s.
   */
  eventTimeoutSeconds?: number;
  /**
   * The transports the page may use, in order of preference. "websocket"
   * needs a runtime with WebSocket support wired in (the Node adapter's
   * crossws, or `acceptSocket`); without it an upgrade gets 426 and the page
   * never tries one. Default: sse, then json.
   */
  transports?: Transport[];
  /**
   * The Host names this server answers to; any other gets 403, so a page on
   * another site cannot reach it through DNS rebinding. `true` answers any
   * host (the default here; the Node adapter limits a server bound to a
   * loopback address to localhost). `".example.com"` allows subdomains too.
   */
  allowedHosts?: AllowedHosts;
  /**
   * Sources added to the page's Content-Security-Policy, per directive
   * (`{ "img-src": ["https://tiles.example.com"] }`); they extend edgelit's
   * policy, never replace it, and `'unsafe-eval'` is refused.
   */
  contentSecurityPolicy?: CspSources;
  /**
   * The base map of `st.map`: a MapLibre style URL (its origin is added to the
   * page's `connect-src`), or "none" for a plain background. Default: Carto's
   * Positron, or Dark Matter on a dark page (no key needed).
   */
  mapStyle?: string;
  /**
   * Which proxies in front of the server say who the client is, for the
   * rate limits: `false` (none; the client is the connection's address),
   * `true` (all; the first `X-Forwarded-For` address), or a number of hops
   * (1: the address the nearest proxy appended). Default false.
   */
  trustProxy?: TrustProxy;
  /**
   * Requests per second one client address may make (bursts of twice as
   * many); past it, 429 with `retry-after`. Counted per replica. 0 is off.
   * Default 50.
   */
  rateLimitRequestsPerSecond?: number;
  /** Sessions one client address may start per minute; past it, 429. Counted per replica. 0 is off. Default 30. */
  rateLimitNewSessionsPerMinute?: number;
  /** The rate limits' clock in ms, for tests. Default `Date.now`. */
  rateLimitClock?: () => number;
  /**
   * Where events run: by default in this thread; the Node adapter hands them to its script
   * threads (see `RerunDispatch`).
   */
  runEvents?: RerunDispatch;
  /**
   * Where a runtime that holds its WebSockets outside this server (a
   * Cloudflare Durable Object) takes an upgrade, once its origin is checked.
   * The socket's messages then come back through `EdgelitServer.socketEvents`.
   * Without it, "websocket" in `transports` is served by h3 (crossws).
   */
  acceptSocket?: (request: Request, env?: Readonly<Record<string, unknown>>) => Promise<Response>;
  /**
   * Reads the files of components declared with a `path` (see
   * `declareComponent`); the Node adapter passes one. Without it, only
   * components declared with a `url` show.
   */
  componentFiles?: ComponentFileReader;
  /** Extra routes a runtime adds (the dev server's reload stream). */
  extend?: (app: H3) => void;
  /**
   * The runtime's bindings, which the app reads as `st.context.env`: the Node
   * adapter passes `process.env`. A request can bring its own (see `fetch`).
   * Default: none.
   */
  env?: Readonly<Record<string, unknown>>;
  /**
   * Secrets the app reads as `st.secrets`, under the environment: the Node CLI loads them from
   * `.env` and `secrets.toml` (see `secretsFile`). Their values are hidden from error elements
   * and log lines. Default: none.
   */
  secrets?: SecretsTable;
}

/** The h3 app together with its session store. */
export interface EdgelitServer {
  h3: H3;
  sessions: SessionStore;
  media: MediaStore;
  /** The WebSocket transport's event path, for a runtime that holds the sockets (see `acceptSocket`). */
  socketEvents: SocketEvents;
  /**
   * Answers one request. `env`, when given, is what this request's runs read
   * as `st.context.env` instead of the server's (a Worker's per-request `env`).
   */
  fetch(request: Request, env?: Readonly<Record<string, unknown>>): Promise<Response>;
  /**
   * Starts a clean shutdown: new events get 503 `draining` (with
   * `retry-after`; the page sends them to another replica), the health check
   * answers 503 `draining`, and the promise resolves once the events under
   * way have finished and saved.
   */
  drain(): Promise<void>;
}

/**
 * Creates edgelit's HTTP server as an h3 app: the page, its assets, and the
 * event route. It holds nothing between requests, so any number of replicas
 * or serverless isolates can share one store.
 *
 * @example
 * const server = createServer({ app, storage: createStorage() });
 * const response = await server.fetch(new Request("http://localhost/"));
 */
export function createServer(options: ServerOptions): EdgelitServer {
  const context = createRerunContext(options);
  const { log, sessions, media } = context;
  if (sessions.guarantee === "last-writer-wins") {
    log.warn(
      "[edgelit] sessions are in an eventually consistent store (Cloudflare KV): an event served far from the previous one may read an older session, and racing events are not detected. For several locations, use a Durable Object or Upstash store.",
    );
  }
  const transports = options.transports ?? ["sse", "json"];
  const heartbeatSeconds = options.heartbeatSeconds ?? 5;
  const eventTimeoutSeconds = options.eventTimeoutSeconds ?? 15;
  if (eventTimeoutSeconds > 0 && eventTimeoutSeconds <= heartbeatSeconds)
    throw new Error(
      `eventTimeoutSeconds (${eventTimeoutSeconds}) must exceed heartbeatSeconds (${heartbeatSeconds}): a stream that is alive would be given up between two heartbeats.`,
    );
  const themeCss = toThemeCss(options.app.options.theme);
  const limits: EventLimits = { maxBytes: options.maxEventBytes ?? 1024 * 1024, maxChanges: 1000 };
  // The client's index.html rarely changes (a dev rebuild): its policy is made once per version.
  let csp: { indexHtml: string; policy: string } | undefined;
  const cspSources = mapStyleSources(options.mapStyle, options.contentSecurityPolicy);
  pageCsp([], cspSources); // a bad extra source fails at startup
  const cspFor = async (indexHtml: string) => {
    if (csp?.indexHtml !== indexHtml)
      csp = {
        indexHtml,
        policy: pageCsp(await inlineScriptHashes(indexHtml), cspSources),
      };
    return csp.policy;
  };
  const h3 = new H3({
    onError(error, event) {
      // A request refused before any route saw it (a malformed URL, a method no route takes) is
      // the client's mistake: one line, not a stack per request.
      if (HTTPError.isError(error) && error.status < 500) {
        log.error(`[edgelit] ${error.status} ${event.req.method} ${pathOf(event.req.url)}`);
        return;
      }
      log.error(
        `[edgelit] ${describeError(HTTPError.isError(error) ? (error.cause ?? error) : error)}`,
      );
    },
  });

  installHostCheck(h3, options.allowedHosts ?? true);
  const clientLimits = installClientLimits(h3, options);
  // Login: an [auth] section in the secrets (a mistake in it stops the start, naming the key).
  const authConfig = options.secrets && readAuthConfig(options.secrets);
  const auth = authConfig && createAuthOnDemand(authConfig, log);
  const readFacts = createFactsReader({ trustProxy: options.trustProxy, identity: auth?.identity });
  const eventLimits = { ...limits, heartbeatMs: heartbeatSeconds * 1000 };
  const gate = createEventGate();
  // `as Request`: h3's request type differs from the Request of Cloudflare's types
  // (`wrangler types`), which a Worker project type-checks this file against.
  h3.post(ROUTES.event, (event) =>
    eventRoute(
      event.req as Request,
      context,
      eventLimits,
      (event.context as RequestContext).env,
      () => clientLimits.newSession(event.req.ip, event.req.headers.get("x-forwarded-for")),
      (request, pageUrl) => readFacts(request, event.req.ip, pageUrl),
      gate,
    ),
  );
  const socketEvents = createSocketEvents(context, eventLimits, clientLimits, readFacts, gate);
  const acceptSocket = options.acceptSocket;
  if (!transports.includes("websocket")) h3.get(ROUTES.socket, socketNotOffered);
  else if (acceptSocket)
    h3.get(ROUTES.socket, (event) =>
      handedOffSocketRoute((request) =>
        acceptSocket(request, (event.context as RequestContext).env),
      )(event.req as Request),
    );
  else h3.get(ROUTES.socket, socketRoute(socketEvents));
  h3.get(ROUTES.health, () =>
    gate.draining
      ? Response.json(
          { ok: false, draining: true },
          { status: 503, headers: { "cache-control": "no-store" } },
        )
      : storeHealth(options.storage, log),
  );
  if (auth && authConfig) {
    h3.get(ROUTES.authLogin, (event) => auth.login(event.req as Request));
    h3.get(ROUTES.authLogout, (event) => auth.logout(event.req as Request));
    h3.get(authConfig.redirectUri.pathname, (event) => auth.callback(event.req as Request));
  }
  h3.get(`${ROUTES.media}:id`, (event) =>
    mediaRoute(event.req as Request, event.context.params?.id ?? "", media, log),
  );
  h3.get(`${ROUTES.frame}:id`, (event) =>
    frameRoute(event.req as Request, event.context.params?.id ?? "", media, log),
  );
  h3.get(`${ROUTES.componentModule}:id`, (event) =>
    componentModuleRoute(event.context.params?.id ?? "", media, log),
  );
  h3.get(`${ROUTES.component}**`, (event) =>
    componentRoute(event.url.pathname.slice(ROUTES.component.length), options.componentFiles, log),
  );
  h3.head(`${ROUTES.media}:id`, (event) =>
    mediaRoute(event.req as Request, event.context.params?.id ?? "", media, log),
  );
  h3.post(ROUTES.frameOrder, (event) =>
    frameOrderRoute(
      event.req as Request,
      { storage: options.storage, media, ttlSeconds: options.sessionTtlSeconds ?? 3600 },
      log,
    ),
  );
  h3.post(ROUTES.upload, (event) =>
    uploadRoute(event.req as Request, {
      sessions,
      media,
      maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
      log,
      freshRecord: (sessionId, url) => freshRecordForUpload(context, sessionId, url),
    }),
  );
  options.extend?.(h3);
  h3.all("/_edgelit/**", () => errorResponse("bad_request", "Unknown edgelit route."));
  h3.get("/**", async (event) => {
    const pathname = event.url.pathname;
    if (pathname !== "/" && pathname !== "/index.html") {
      const asset = await options.assets?.(pathname);
      if (asset) return workerCspFor(pathname, asset);
      if (/\.[a-z0-9]+$/i.test(pathname)) return new Response("Not found", { status: 404 });
    }
    const index = await options.assets?.("/index.html");
    if (!index)
      return new Response("The edgelit client is not built: run `npm run build`.", { status: 503 });
    const { title, icon, layout, initialSidebarState } = options.app.options;
    const pageConfig = {
      title,
      icon,
      layout,
      initialSidebarState,
      dev: context.dev,
      transports,
      eventTimeoutMs: eventTimeoutSeconds * 1000,
      sessionTtlSeconds: sessions.ttlSeconds,
      themeBase: options.app.options.theme?.base,
      mapStyle: options.mapStyle,
    };
    const indexHtml = await index.text();
    const html = renderPage(indexHtml, pageConfig, themeCss);
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": await cspFor(indexHtml),
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "x-frame-options": "SAMEORIGIN",
      },
    });
  });

  return {
    h3,
    sessions,
    media,
    socketEvents,
    fetch: async (request, env) =>
      env ? h3.request(request, undefined, { env } satisfies RequestContext) : h3.fetch(request),
    drain: () => gate.drain(),
  };
}

/**
 * What every event of a server needs besides its request: the app's entry points, the session
 * and media stores over `options.storage`, the limits and the log. Also makes `options.storage`
 * the store of `cacheData`. A Node script thread makes its own from the same options.
 *
 * @example
 * const context = createRerunContext({ app, storage: createStorage() });
 */
export function createRerunContext(options: ServerOptions): RerunContext {
  // Secret values never reach the log, nor an error element (see redactSecrets).
  if (options.secrets) {
    registerSecretValues(secretValuesOf(options.secrets));
    registerSecretValues(namedSecretValuesOf(options.secrets), { named: true });
  }
  const log = redactingLog(options.log ?? consoleLog);
  const showErrorDetails = options.showErrorDetails ?? "full";
  if (!SHOW_ERROR_DETAILS.includes(showErrorDetails))
    throw new TypeError(
      `showErrorDetails must be ${SHOW_ERROR_DETAILS.join(", ")}; got ${JSON.stringify(showErrorDetails)}`,
    );
  const sessions = createSessionStore(options.storage, { ttlSeconds: options.sessionTtlSeconds });
  if (options.mediaSecret !== undefined && options.mediaSecret.length < 16)
    throw new TypeError("mediaSecret must be at least 16 characters of random text.");
  const media = createMediaStore(options.storage, sessions.ttlSeconds, {
    secret: options.mediaSecret,
    maxSessionUploadBytes: options.maxSessionUploadBytes,
    bytes: options.mediaStorage && storageOf(options.mediaStorage),
  });
  setCacheStorage(options.storage);
  // cacheData keeps frames as batches in this media store (a script thread registers its own).
  registerFrameMedia(options.storage, media);
  return {
    host: createScriptHost(options.app),
    sessions,
    // Session ids are tagged with the media key: the same on every replica (see session-ticket.ts).
    sessionIds: createSessionIdIssuer(() => loadMediaIdKey(options.storage, options.mediaSecret)),
    media,
    dev: options.dev ?? false,
    showErrorDetails,
    log,
    cacheStorage: options.storage,
    maxRunSeconds: options.maxRunSeconds ?? 300,
    maxMessageBytes: options.maxMessageBytes,
    env: options.env,
    secrets: options.secrets,
    authProviders: authProvidersOf(options.secrets),
    dispatch: options.runEvents,
  };
}

/** What `fetch` hands a request's routes besides the request. */
interface RequestContext {
  env?: Readonly<Record<string, unknown>>;
}

// --- Internal helpers ---

/** How long the health check waits on the store before calling it unreachable. */
const HEALTH_TIMEOUT_MS = 2000;

/**
 * `/_edgelit/health`: 200 `{ ok: true }` when the session store answers a
 * cheap read in time, else 503 `{ ok: false, error }`. A replica that cannot
 * reach its store can serve no event, so a load balancer should take it out.
 */
async function storeHealth(storage: Storage, log: ServerLog): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the session store did not answer within ${HEALTH_TIMEOUT_MS} ms`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  const headers = { "cache-control": "no-store" };
  try {
    await Promise.race([storage.hasItem("edgelit:health"), timeout]);
    return Response.json({ ok: true }, { headers });
  } catch (error) {
    // The detail (a host and port, say) goes to the log, not to whoever asks.
    log.error(`[edgelit] health: session store unreachable: ${storeErrorMessage(error)}`);
    return Response.json(
      { ok: false, error: "session store unreachable" },
      { status: 503, headers },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A request's path and query for a log line, as sent, escaped and cut short. */
function pathOf(url: string): string {
  let path = url;
  try {
    const { pathname, search } = new URL(url);
    path = pathname + search;
  } catch {}
  return JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
}
