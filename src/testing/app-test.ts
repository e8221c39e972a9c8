import { createStorage } from "unstorage";
import type { EventRequest } from "../server/event-visit.ts";
import { browserOf, factsOf, type AppTestContext } from "./test-visit.ts";
import { authProvidersOf } from "../server/auth-config.ts";
import type { SecretsTable } from "../runner/run-visit.ts";
import { toAppDefinition, type AppDefinition, type AppScript } from "../app/define-app.ts";
import { createScriptHost } from "../app/script-host.ts";
import type { ScriptHost } from "../runner/script-host.ts";
import { indexOfOption } from "../elements/core/widget-kind.ts";
import { WIDGET_KINDS } from "../elements/kinds.ts";
import {
  resolvePageConfig,
  type ResolvedPageConfig,
  PROTOCOL_VERSION,
  applyServerMessage,
  createElementTree,
  type DataframeSelection,
  type ElementKind,
  type ElementPropsByKind,
  type ElementTree,
  type FragmentRequest,
  type ServerMessage,
  type TreeNode,
  type WidgetChange,
  type WidgetKind,
} from "../protocol/index.ts";
import { handleRerun } from "../server/handle-rerun.ts";
import type { ServerLog } from "../server/server-log.ts";
import type { ShowErrorDetails } from "../runner/exception-props.ts";
import type { SessionRecord } from "../session/record.ts";
import { createSessionStore, type SessionStore } from "../session/store.ts";
import { createMediaStore, type MediaStore } from "../media/media-store.ts";
import { loadMediaIdKey } from "../media/media-id.ts";
import { createSessionIdIssuer, type SessionIdIssuer } from "../session/session-ticket.ts";

/** An element on the simulated page. */
export interface TestElement<K extends ElementKind = ElementKind> {
  kind: K;
  props: ElementPropsByKind[K];
  /** Where it is: root index (0 main, 1 sidebar), then index within each block. */
  path: number[];
}

/** How to find a widget: its label, or `{ key }`. */
export type WidgetQuery = string | { key: string } | { label: string; index?: number };

/**
 * One accessor per widget kind, made from the table of widget kinds, so a new
 * kind has one without a line here: `at.slider("Price")`, `at.button({ key:
 * "go" })`. A feedback widget is found by its scale ("thumbs", "faces",
 * "stars") or `{ key }`, and `setValue` takes the rating. A form's submit
 * button sends the values set on the form's widgets since the last run with
 * its click, in one event, as the browser sends a form.
 * @example at.textInput("Name").setValue("Ada"); await at.formSubmitButton("Submit").click().run();
 */
export type WidgetAccessors = {
  readonly [K in WidgetKind]: (query: WidgetQuery) => WidgetHandle<K>;
};

// The accessors are defined in the constructor; this gives AppTest their types.
// oxlint-disable-next-line typescript/no-unsafe-declaration-merging -- the accessors are real properties
export interface AppTest extends WidgetAccessors {}

/**
 * Runs an app without a server or browser, in the manner of Streamlit's
 * AppTest: set widget values, run, and inspect the page a user would see.
 * It goes through the same event handling as the HTTP server, against an
 * in-memory store.
 *
 * @example
 * const at = await AppTest.fromApp(app).run();
 * at.button("Add one").click();
 * await at.run();
 * expect(at.get("metric")[0]!.props.value).toBe("1");
 */
// oxlint-disable-next-line typescript/no-unsafe-declaration-merging -- see WidgetAccessors
export class AppTest {
  /** The page as the browser would hold it. */
  readonly tree: ElementTree = createElementTree();
  /** The messages of the last run, in order. */
  messages: ServerMessage[] = [];
  /** Values refused in the last run. */
  refused: { widgetId: string; message: string }[] = [];
  /**
   * The URL the simulated browser shows (path and query): it starts as
   * `fromApp`'s `url` and follows page switches and query params the app writes.
   */
  url: string;
  /** How the last run asked the browser to change its URL, if it did: the new URL and whether it was pushed or replaced. */
  urlChange: { url: string; history: "push" | "replace" } | undefined;
  private pending: WidgetChange[] = [];
  private events = 0;
  private readonly sessions: SessionStore;
  private readonly host: ScriptHost;
  /** Media and uploads of the simulated session, as a server would keep them. */
  readonly media: MediaStore;
  private readonly sessionIds: SessionIdIssuer;
  /** The record of the last run when it was not saved (it held nothing to keep). */
  private unsaved: SessionRecord | undefined;
  /**
   * What the app reads as `st.secrets` (under `env`), as a `secrets.toml` holds it; set or
   * change it before a run.
   * @example at.secrets = { API_TOKEN: "test-token", connections: { db: { host: "127.0.0.1" } } };
   */
  secrets: SecretsTable = {};
  /**
   * What the app reads as `st.context` (besides `env`): the request's headers and cookies, the
   * page's URL, the client's address and what the browser says of itself. Set it before a run.
   * @example at.context = { headers: { "x-team": "blue" }, cookies: { consent: "yes" }, timezone: "Europe/Paris", locale: "fr-FR" };
   */
  context: AppTestContext = {};
  /**
   * The logged-in user's ID token claims (`st.user`), or undefined for nobody. Set it before a run.
   * @example at.user = { email: "alice@example.com", name: "Alice" };
   */
  user: Readonly<Record<string, unknown>> | undefined;
  /** Where the last run sent the page (`st.login`, `st.logout`), if anywhere. @example expect(at.navigatedTo).toMatch(/^\/_edgelit\/auth\/login/) */
  navigatedTo: string | undefined;

  private constructor(
    readonly app: AppDefinition,
    private readonly dev: boolean,
    private readonly maxRunSeconds: number | undefined,
    private readonly showErrorDetails: ShowErrorDetails,
    url: string,
    private readonly env: Readonly<Record<string, unknown>> | undefined,
  ) {
    this.url = url;
    this.host = createScriptHost(app);
    // One accessor per widget kind, from the table of kinds (see WidgetAccessors).
    for (const kind of WIDGET_KINDS)
      Object.defineProperty(this, kind, {
        value: (query: WidgetQuery) => this.widget(kind, query),
      });
    const storage = createStorage();
    this.sessions = createSessionStore(storage);
    this.media = createMediaStore(storage, this.sessions.ttlSeconds);
    this.sessionIds = createSessionIdIssuer(() => loadMediaIdKey(storage));
  }

  /**
   * A harness for an app made with `defineApp` (or a bare script function).
   * `url` is the page's path and query the first run sees (default `/`);
   * `maxRunSeconds` is the server's run time limit; `dev` (default true) and
   * `showErrorDetails` (default `full`) decide what an uncaught error shows, as the server's do;
   * `env` is what the app reads as `st.context.env` (default: nothing, not `process.env`).
   * @example const at = await AppTest.fromApp(app, { url: "/settings?q=1", env: { API_URL: "http://127.0.0.1" } }).run();
   */
  static fromApp(
    app: AppDefinition | AppScript,
    options: {
      dev?: boolean;
      url?: string;
      maxRunSeconds?: number;
      showErrorDetails?: ShowErrorDetails;
      env?: Readonly<Record<string, unknown>>;
    } = {},
  ): AppTest {
    const definition = toAppDefinition(app);
    if (!definition) throw new TypeError("AppTest.fromApp expects an app made with defineApp");
    const url = options.url ?? "/";
    if (!url.startsWith("/"))
      throw new TypeError(
        `AppTest's url is a path and query starting with "/", like "/settings?q=1"; got ${JSON.stringify(url)}`,
      );
    return new AppTest(
      definition,
      options.dev ?? true,
      options.maxRunSeconds,
      options.showErrorDetails ?? "full",
      url,
      options.env,
    );
  }

  /**
   * Goes to another URL for the next run, as typing it, following a link or
   * the back button would. @example await at.navigate("/settings").run();
   */
  navigate(url: string): this {
    if (!url.startsWith("/"))
      throw new TypeError(
        `navigate takes a path and query starting with "/"; got ${JSON.stringify(url)}`,
      );
    this.url = url;
    return this;
  }

  /**
   * Runs the app once with the values set since the last run. Resolves to
   * this harness. As in the browser, when every value comes from widgets of
   * one fragment (or dialog), only that fragment reruns.
   */
  async run(): Promise<this> {
    const changes = this.pending;
    const fragmentId = fragmentOfWidgets(
      this.tree,
      changes.map((change) => change.id),
    );
    return this.send(changes, fragmentId === undefined ? undefined : { id: fragmentId });
  }

  /**
   * Reruns only the fragment with this instance id (the id its block carries;
   * for a fragment called once, the id it was defined with), as its
   * `runEvery` timer does in the page. Values set since the last run go with it.
   * @example await at.runFragment("live-chart");
   */
  runFragment(id: string): Promise<this> {
    return this.send(this.pending, { id });
  }

  /**
   * Dismisses the open dialog, as the user does with its X or Escape.
   * @example await at.dismissDialog();
   */
  dismissDialog(): Promise<this> {
    const open = this.get("dialog")[0];
    if (!open) throw new Error("no dialog is open");
    return this.send([], { id: open.props.id, dismiss: true });
  }

  private async send(
    changes: WidgetChange[],
    fragment: FragmentRequest | undefined,
  ): Promise<this> {
    this.pending = [];
    this.messages = [];
    this.urlChange = undefined;
    this.unsaved = undefined;
    this.navigatedTo = undefined;
    const request: EventRequest = {
      protocol: PROTOCOL_VERSION,
      sessionId: this.tree.sessionId,
      lastRunId: this.tree.lastRunId,
      eventId: `test-${++this.events}`,
      changes,
      ...(fragment && { fragment }),
      url: this.url,
      browser: browserOf(this.context),
      facts: factsOf(this.context, this.url, this.user),
    };
    const { done, ready } = handleRerun(
      {
        host: this.host,
        sessions: this.sessions,
        sessionIds: this.sessionIds,
        media: this.media,
        onUnsaved: (_, record) => (this.unsaved = record),
        dev: this.dev,
        showErrorDetails: this.showErrorDetails,
        // The test sees errors in the page it asserts on; its output stays quiet.
        log: SILENT_LOG,
        ...(this.maxRunSeconds !== undefined && { maxRunSeconds: this.maxRunSeconds }),
        env: this.env,
        secrets: this.secrets,
        authProviders: authProvidersOf(this.secrets),
      },
      request,
      {
        send: (batch) => {
          for (const message of batch) {
            this.messages.push(message);
            if (message.type === "navigate") this.navigatedTo = message.url;
            if (message.type === "url")
              this.url = (this.urlChange = { url: message.url, history: message.history }).url;
            applyServerMessage(this.tree, message);
          }
        },
        // One process and a memory store: no other writer can win a race.
        retract: () => false,
      },
    );
    await ready;
    await done;
    this.refused = this.messages.flatMap((m) =>
      m.type === "refused" ? [{ widgetId: m.widgetId, message: m.message }] : [],
    );
    const error = this.messages.find((m) => m.type === "error");
    if (error?.type === "error") throw new Error(`the run failed: ${error.message}`);
    return this;
  }

  /** Queues a raw value for a widget id, exactly as a browser would send it. */
  sendChange(id: string, value: unknown): this {
    this.pending.push({ id, value });
    return this;
  }

  /**
   * The stored session record (what the next event will load), or the record of the last run
   * when it held nothing to keep and was not saved.
   */
  async record(): Promise<SessionRecord> {
    const record = this.tree.sessionId
      ? ((await this.sessions.load(this.tree.sessionId)) ?? this.unsaved)
      : undefined;
    if (!record) throw new Error("the app has not run yet");
    return record;
  }

  /** `st.session` as stored after the last run (app values and keyed widgets). */
  async session(): Promise<Record<string, unknown>> {
    const record = await this.record();
    const keyed = Object.values(record.widgets).flatMap((w) =>
      w.key === undefined ? [] : [[w.key, w.value] as const],
    );
    return { ...record.session, ...Object.fromEntries(keyed) };
  }

  /** Every element on the page in document order (main first, then the sidebar). */
  get elements(): TestElement[] {
    const found: TestElement[] = [];
    const walk = (nodes: TreeNode[], prefix: number[]) =>
      nodes.forEach((node, index) => {
        found.push({ kind: node.kind, props: node.props, path: [...prefix, index] } as TestElement);
        if (node.children) walk(node.children, [...prefix, index]);
      });
    this.tree.roots.forEach((nodes, root) => walk(nodes, [root]));
    return found;
  }

  /** The elements of one kind. @example at.get("markdown").map((e) => e.props.body) */
  get<K extends ElementKind>(kind: K): TestElement<K>[] {
    return this.elements.filter((element): element is TestElement<K> => element.kind === kind);
  }

  /**
   * The tab's title and icon, the layout and the sidebar's first state, as the
   * page applies them: the app's options, the shown page's, then what the last
   * run's `st.setPageConfig` calls set.
   * @example expect((await AppTest.fromApp(app).run()).pageConfig.layout).toBe("wide");
   */
  get pageConfig(): ResolvedPageConfig {
    const navigation = this.get("navigation")[0]?.props;
    return resolvePageConfig({
      app: this.app.options,
      page: navigation,
      script: this.get("pageConfig").at(-1)?.props,
    });
  }

  /** Exceptions shown in the page (script errors included). */
  get exceptions(): TestElement<"exception">[] {
    return this.get("exception");
  }

  /** A widget of a kind by label or key; throws a clear error when there is none. */
  widget<K extends WidgetKind>(kind: K, query: WidgetQuery): WidgetHandle<K> {
    const matches = this.get(kind).filter((element) => matchesQuery(element.props, query));
    const index = typeof query === "object" && "index" in query ? (query.index ?? 0) : 0;
    const element = matches[index];
    if (!element) {
      const labels = this.get(kind).map((e) => JSON.stringify(e.props.label));
      throw new Error(
        `no ${kind} matching ${JSON.stringify(query)}; the page has ${labels.length ? labels.join(", ") : "none"}`,
      );
    }
    return new WidgetHandle(this, element);
  }
}

/** One widget on the simulated page. Changes apply on the next `run()`. */
export class WidgetHandle<K extends WidgetKind> {
  constructor(
    private readonly harness: AppTest,
    readonly element: TestElement<K>,
  ) {}

  get id(): string {
    return this.element.props.id!;
  }
  get props(): ElementPropsByKind[K] {
    return this.element.props;
  }

  /** Clicks a button (a download button, a form's submit button). */
  click(): AppTest {
    return this.harness.sendChange(this.id, true);
  }

  /**
   * Gives an upload widget files, as the browser would: they are stored for
   * this session, then sent as the widget's value (added to the files it
   * already holds when it takes several).
   */
  async upload(
    files: { name: string; type?: string; bytes?: Uint8Array; text?: string }[],
  ): Promise<AppTest> {
    const sessionId = this.harness.tree.sessionId;
    if (!sessionId) throw new Error("run the app before uploading");
    const stored = [];
    for (const file of files) {
      const bytes = file.bytes ?? new TextEncoder().encode(file.text ?? "");
      stored.push(
        await this.harness.media.putUpload(sessionId, this.id, {
          name: file.name,
          type: file.type ?? "application/octet-stream",
          bytes,
        }),
      );
    }
    const props = this.element.props as unknown as { files?: { id: string }[]; multiple?: boolean };
    const kept = props.multiple ? (props.files ?? []).map((file) => file.id) : [];
    return this.harness.sendChange(this.id, [...kept, ...stored.map((file) => file.id)]);
  }

  /**
   * Selects in a dataframe made with `onSelect`, as clicks in the grid would:
   * the parts not given are empty. Rows are positions in the data as given.
   * @example at.dataframe({ key: "people" }).select({ rows: [1, 3] });
   */
  select(selection: Partial<DataframeSelection>): AppTest {
    return this.harness.sendChange(this.id, {
      selection: {
        rows: selection.rows ?? [],
        columns: selection.columns ?? [],
        cells: selection.cells ?? [],
      },
    });
  }

  /**
   * Sets the value the app will see: a number for a slider, the option itself
   * for a selectbox, radio, single pills or select slider (a `[low, high]`
   * pair of options for a range), a list of options for a multiselect or
   * multi pills (null clears a choice), a rating for feedback, the ISO string
   * for a date or time input. Options
   * are matched by their label (or pass `options` to match by value).
   */
  setValue(value: unknown, options?: readonly unknown[]): AppTest {
    const props = this.element.props as unknown as Record<string, unknown>;
    const labels = props.options as string[] | undefined;
    if (!labels) return this.harness.sendChange(this.id, value);
    const toIndex = (option: unknown) => {
      const index = options ? indexOfOption(options, option) : labels.indexOf(String(option));
      if (index === -1)
        throw new Error(
          `${JSON.stringify(option)} is not an option of ${this.element.kind} "${props.label}"`,
        );
      return index;
    };
    const rangeOfOptions = this.element.kind === "selectSlider" && Array.isArray(props.index);
    if (this.element.kind === "multiselect" || props.multi === true || rangeOfOptions)
      return this.harness.sendChange(this.id, (value as unknown[]).map(toIndex));
    return this.harness.sendChange(this.id, value === null ? null : toIndex(value));
  }
}

/** The fragment (or dialog) holding every one of these widgets, as the page would tell; undefined if none holds them all. */
function fragmentOfWidgets(tree: ElementTree, widgetIds: string[]): string | undefined {
  if (widgetIds.length === 0) return undefined;
  const owners = new Map<string, string | undefined>();
  const walk = (nodes: TreeNode[], owner: string | undefined) => {
    for (const node of nodes) {
      const props = node.props as { id?: unknown };
      const inner =
        (node.kind === "fragment" || node.kind === "dialog") && typeof props.id === "string"
          ? props.id
          : owner;
      if (typeof props.id === "string" && !node.children) owners.set(props.id, owner);
      if (node.children) walk(node.children, inner);
    }
  };
  tree.roots.forEach((nodes) => walk(nodes, undefined));
  const found = new Set(widgetIds.map((id) => owners.get(id)));
  const [only] = found;
  return found.size === 1 ? only : undefined;
}

function matchesQuery(props: { id?: string; label?: string }, query: WidgetQuery): boolean {
  // A read-only dataframe is no widget: it has no id to send a value to.
  if (props.id === undefined) return false;
  if (typeof query === "string") return props.label === query;
  if ("key" in query) return props.id === `key:${query.key}`;
  return props.label === query.label;
}

/** AppTest's log: the test reads errors from the page it asserts on. */
const SILENT_LOG: ServerLog = { error: () => {}, warn: () => {} };
