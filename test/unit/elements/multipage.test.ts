import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { EdgelitApiError, defineApp, page, type St } from "../../../src/index.ts";
import { PROTOCOL_VERSION, ROOTS, type ServerMessage } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { toRerunRequest } from "../../../src/server/read-event.ts";
import { RequestError } from "../../../src/server/errors.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { postToServer } from "../../helpers/events.ts";
import multipageSection from "../../../examples/hello/sections/multipage.ts";

const home = page((st) => void st.title("Home page"), { title: "Home", icon: "🏠" });
const settings = page(
  (st) => {
    st.title("Settings page");
    st.textInput("Nickname");
    st.textInput("Email", { key: "email" });
  },
  { title: "Settings" },
);
const report = page(
  { default: (st: St) => void st.title("Report page") },
  { title: "Yearly report", urlPath: "/report" },
);

const multipage = defineApp(async (st) => {
  const current = st.navigation({ "": [home, settings], Reports: [report] });
  st.sidebar.caption("on every page");
  await current.run(st);
});

const titles = (at: AppTest) => at.get("heading").map((heading) => heading.props.body);

test("the URL path picks the page: / is the default, others by url path or a slug of the title", async () => {
  const at = await AppTest.fromApp(multipage).run();
  expect(titles(at)).toEqual(["Home page"]);
  const menu = at.get("navigation")[0]!;
  expect(menu.path).toEqual([ROOTS.sidebar, 0]);
  expect(menu.props).toEqual({
    position: "sidebar",
    sections: [
      {
        pages: [
          { title: "Home", icon: "🏠", href: "/" },
          { title: "Settings", href: "/settings" },
        ],
      },
      { header: "Reports", pages: [{ title: "Yearly report", href: "/report" }] },
    ],
    current: "/",
    title: "Home",
    icon: "🏠",
  });
  expect(at.urlChange).toBeUndefined();

  await at.navigate("/settings").run();
  expect(titles(at)).toEqual(["Settings page"]);
  expect(at.get("navigation")[0]!.props).toMatchObject({ current: "/settings", title: "Settings" });
  await at.navigate("/report/").run();
  expect(titles(at)).toEqual(["Report page"]);
  expect(at.urlChange).toEqual({ url: "/report", history: "replace" });

  const direct = await AppTest.fromApp(multipage, { url: "/settings?q=1" }).run();
  expect(titles(direct)).toEqual(["Settings page"]);
  expect(direct.url).toBe("/settings?q=1");
});

test("an unknown path shows the default page under a notice, and the URL becomes /", async () => {
  for (const url of ["/nope", "/settings/deeper", "/%zz", "/Settings"]) {
    const at = await AppTest.fromApp(multipage, { url: `${url}?keep=1` }).run();
    expect(titles(at)).toEqual(["Home page"]);
    expect(at.get("alert")[0]!.props).toMatchObject({ level: "warning" });
    expect(at.get("alert")[0]!.props.body).toContain("Page not found");
    expect(at.urlChange).toEqual({ url: "/?keep=1", history: "replace" });
    // The next event is on the default page, with no notice.
    await at.run();
    expect(at.get("alert")).toEqual([]);
  }
  // The default page's own path names it, but it lives at "/".
  const at = await AppTest.fromApp(multipage, { url: "/home" }).run();
  expect(titles(at)).toEqual(["Home page"]);
  expect(at.get("alert")).toEqual([]);
  expect(at.url).toBe("/");
});

test("default: true chooses the page at /, and position top or hidden moves or hides the menu", async () => {
  const first = page((st) => void st.write("first"), { title: "First" });
  const main = page((st) => void st.write("main"), { title: "Main", default: true });
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      await st
        .navigation([first, main], { position: st.queryParams.has("hide") ? "hidden" : "top" })
        .run(st);
    }),
  ).run();
  expect(at.get("markdown")[0]!.props.body).toBe("main");
  const menu = at.get("navigation")[0]!;
  expect(menu.path).toEqual([ROOTS.main, 0]);
  expect(menu.props.sections[0]!.pages.map((entry) => entry.href)).toEqual(["/first", "/"]);
  await at.navigate("/first?hide").run();
  expect(at.get("navigation")[0]!.props).toMatchObject({
    position: "hidden",
    current: "/first",
    title: "First",
  });
  expect(at.get("markdown")[0]!.props.body).toBe("first");
});

test("st.switchPage reruns on the other page in the same event and pushes its URL", async () => {
  const runs: string[] = [];
  const start = page(
    (st) => {
      runs.push("start");
      if (st.button("Go")) st.switchPage(finish);
      if (st.button("Go with query"))
        st.switchPage("/finish", { queryParams: { from: "start", n: 2 } });
      st.write("after the button");
    },
    { title: "Start" },
  );
  const finish = page(
    (st) => {
      runs.push("finish");
      st.write(`finish from=${st.queryParams.from ?? "-"}`);
    },
    { title: "Finish" },
  );
  const app = defineApp(async (st) => st.navigation([start, finish]).run(st));

  const at = await AppTest.fromApp(app, { url: "/?q=dropped" }).run();
  await at.button("Go").click().run();
  // The click, the first event of a session never saved, first redraws the page the user saw.
  expect(runs).toEqual(["start", "start", "start", "finish"]);
  expect(at.get("markdown").map((m) => m.props.body)).toEqual(["finish from=-"]);
  expect(at.urlChange).toEqual({ url: "/finish", history: "push" });

  await at.navigate("/").run();
  await at.button("Go with query").click().run();
  expect(at.get("markdown").map((m) => m.props.body)).toEqual(["finish from=start"]);
  expect(at.urlChange).toEqual({ url: "/finish?from=start&n=2", history: "push" });
});

test("st.switchPage refuses a page the app does not have", async () => {
  const stray = page(() => {}, { title: "Stray" });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.navigation([home, settings]);
      st.switchPage(st.queryParams.to === "stray" ? stray : String(st.queryParams.to));
    }),
    { url: "/?to=stray" },
  ).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /"Stray" is not one of the pages given to st.navigation/,
  );
  await at.navigate("/?to=/elsewhere").run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /no page at "\/elsewhere"\. Its pages are at "\/", "\/home", "\/settings"/,
  );
});

test("st.switchPage with query params it refuses stays on the page, URL and all", async () => {
  const start = page(
    (st) => {
      if (st.button("Go")) st.switchPage(finish, { queryParams: { from: null as never } });
      st.write("start page");
    },
    { title: "Start" },
  );
  const finish = page((st) => void st.write("finish page"), { title: "Finish" });
  const at = await AppTest.fromApp(
    defineApp(async (st) => st.navigation([start, finish]).run(st)),
    { url: "/?q=kept" },
  ).run();
  await at.button("Go").click().run();
  expect(at.exceptions[0]!.props.message).toMatch(/cannot be set to null/);
  expect(at.urlChange).toBeUndefined();
  expect((await at.record()).url).toBe("/?q=kept");
  await at.run();
  expect(at.get("markdown").map((m) => m.props.body)).toEqual(["start page"]);
});

test("st.pageLink links to pages (client-side) and to other sites; bad targets are refused", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.pageLink(settings, { icon: "⚙️", help: "Change things" });
      st.sidebar.pageLink(home);
      st.navigation([home, settings, report]);
      st.pageLink(home, { label: "Back home" });
      st.pageLink("/report", { label: "The report", disabled: true });
      st.pageLink("https://example.com/docs", { label: "Docs", icon: "📖" });
      const bad = st.queryParams.bad;
      if (bad) st.pageLink(bad, { label: "Bad" });
      if (st.queryParams.nolabel) st.pageLink("https://example.com");
    }),
  ).run();
  expect(at.get("pageLink").map((link) => link.props)).toEqual([
    { href: "/settings", label: "Settings", icon: "⚙️", help: "Change things" },
    { href: "/", label: "Back home", icon: "🏠" },
    { href: "/report", label: "The report", disabled: true },
    { href: "https://example.com/docs", label: "Docs", icon: "📖", external: true },
    // Before st.navigation, a page not marked default links to its own path (it still opens the default page).
    { href: "/home", label: "Home", icon: "🏠" },
  ]);
  for (const [bad, reason] of [
    ["javascript:alert(1)", /neither a page path/],
    ["//evil.example", /not a page path/],
    ["/\\evil.example", /not a page path/],
    ["/\t/evil.example", /not a page path/],
    ["//a b", /not a page path/],
  ] as const) {
    await at.navigate(`/?bad=${encodeURIComponent(bad)}`).run();
    expect(at.exceptions[0]!.props.message).toMatch(reason);
  }
  await at.navigate("/?nolabel=1").run();
  expect(at.exceptions[0]!.props.message).toMatch(/needs a label/);
});

test("st.queryParams reads the URL's query as Streamlit's st.query_params does", async () => {
  let seen: unknown;
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const params = st.queryParams;
      seen = {
        q: params.q,
        get: params.get("q"),
        tag: params.tag,
        tags: params.getAll("tag"),
        missing: [
          params.missing,
          params.get("missing"),
          params.getAll("missing"),
          params.has("missing"),
          "missing" in params,
        ],
        empty: params.empty,
        keys: Object.keys(params),
        object: params.toObject(),
        spread: { ...params },
      };
    }),
    { url: "/?q=hello+world&tag=a&tag=b&empty=&caf%C3%A9=%F0%9F%8D%B0" },
  ).run();
  expect(seen).toEqual({
    q: "hello world",
    get: "hello world",
    tag: "b",
    tags: ["a", "b"],
    missing: [undefined, undefined, [], false, false],
    empty: "",
    keys: ["q", "tag", "empty", "café"],
    object: { q: "hello world", tag: "b", empty: "", café: "🍰" },
    spread: { q: "hello world", tag: "b", empty: "", café: "🍰" },
  });
  expect(at.urlChange).toBeUndefined();
});

test("st.queryParams in a template literal reads as the URL's query, instead of failing the run", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => void st.write(`query: ${st.queryParams}`)),
    { url: "/?q=hello+world&tag=a&tag=b" },
  ).run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("markdown").map((m) => m.props.body)).toEqual(["query: q=hello+world&tag=a&tag=b"]);
});

test("a malformed query is read as leniently as a browser would, never failing the run", async () => {
  let seen: unknown;
  const at = await AppTest.fromApp(
    defineApp((st) => void (seen = st.queryParams.toObject())),
    { url: "/?a=%E0%A4%A&%zz=1&&=x&b" },
  ).run();
  expect(at.exceptions).toEqual([]);
  expect(seen).toEqual({ a: "\uFFFD%A", "%zz": "1", "": "x", b: "" });
});

test("st.queryParams writes reach the URL at the end of the run (replaced), and a typed URL is read", async () => {
  const seen: string[] = [];
  const app = defineApp((st) => {
    seen.push(st.queryParams.toObject().q ?? "-");
    const action = st.radio("Action", [
      "none",
      "set",
      "list",
      "delete",
      "clear",
      "fromObject",
      "update",
    ]);
    if (action === "set") st.queryParams.q = "from app";
    if (action === "list") st.queryParams.set("tag", ["x", 2, true]);
    if (action === "delete") delete st.queryParams.q;
    if (action === "clear") st.queryParams.clear();
    if (action === "fromObject") st.queryParams.fromObject({ only: "this" });
    if (action === "update") st.queryParams.update({ q: "updated", n: 1n });
    st.write(`q is ${st.queryParams.q}`);
  });
  const at = await AppTest.fromApp(app, { url: "/?q=start&keep=1" }).run();
  const step = async (action: string) =>
    (await at.radio("Action").setValue(action).run()).urlChange;

  expect(await step("set")).toEqual({ url: "/?q=from+app&keep=1", history: "replace" });
  expect(at.get("markdown")[0]!.props.body).toBe("q is from app");
  expect(await step("none")).toBeUndefined();
  expect(await step("list")).toEqual({
    url: "/?q=from+app&keep=1&tag=x&tag=2&tag=true",
    history: "replace",
  });
  expect(await step("delete")).toEqual({
    url: "/?keep=1&tag=x&tag=2&tag=true",
    history: "replace",
  });
  expect(await step("update")).toEqual({
    url: "/?keep=1&tag=x&tag=2&tag=true&q=updated&n=1",
    history: "replace",
  });
  expect(await step("fromObject")).toEqual({ url: "/?only=this", history: "replace" });
  expect(await step("clear")).toEqual({ url: "/", history: "replace" });

  // The user types a URL (or reloads one): the next run reads it.
  await at.navigate("/?q=typed").radio("Action").setValue("none").run();
  expect(seen.at(-1)).toBe("typed");
  expect(at.urlChange).toBeUndefined();
});

test("st.queryParams refuses values that are not text, and method names as keys", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const attempt = st.radio("Attempt", ["object", "null", "method", "fromObject"]);
      if (attempt === "object") st.queryParams.q = { a: 1 };
      if (attempt === "null") st.queryParams.set("q", null as never);
      if (attempt === "method") (st.queryParams as Record<string, unknown>).get = "x";
      if (attempt === "fromObject") st.queryParams.fromObject([] as never);
    }),
  ).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /st.queryParams.q cannot be set to object: query params are text/,
  );
  for (const [attempt, reason] of [
    ["null", /cannot be set to null/],
    ["method", /st.queryParams.get is a method/],
    ["fromObject", /expects an object/],
  ] as const) {
    await at.radio("Attempt").setValue(attempt).run();
    expect(at.exceptions[0]!.props.message).toMatch(reason);
  }
  expect(at.url).toBe("/");
});

test("query params written before st.rerun() survive it, and callbacks can write them", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      if (st.button("Rerun") && !st.queryParams.has("again")) {
        st.queryParams.again = "1";
        st.rerun();
      }
      st.checkbox("Flag", { onChange: () => (st.queryParams.flag = "changed") });
    }),
  ).run();
  await at.button("Rerun").click().run();
  expect(at.url).toBe("/?again=1");
  await at.checkbox("Flag").setValue(true).run();
  expect(at.url).toBe("/?again=1&flag=changed");
});

test("leaving a page forgets its unkeyed widgets; keyed ones keep their value for the return", async () => {
  const at = await AppTest.fromApp(multipage, { url: "/settings" }).run();
  await at
    .textInput("Nickname")
    .setValue("ada")
    .textInput({ key: "email" })
    .setValue("ada@example.com")
    .run();
  expect(at.textInput("Nickname").props.value).toBe("ada");
  const nicknameId = at.textInput("Nickname").id;

  await at.navigate("/").run();
  const record = await at.record();
  expect(record.widgets[nicknameId]).toBeUndefined();
  expect(record.widgets["key:email"]).toMatchObject({ value: "ada@example.com", page: "settings" });
  expect(await at.session()).toMatchObject({ email: "ada@example.com" });

  await at.navigate("/settings").run();
  expect(at.textInput("Nickname").props.value).toBe("");
  expect(at.textInput({ key: "email" }).props.value).toBe("ada@example.com");
});

test("a keyed widget a page stops drawing is forgotten as in Streamlit; unkeyed widgets are per page", async () => {
  const one = page(
    (st) => {
      if (st.checkbox("Show")) st.textInput("Notes", { key: "notes" });
    },
    { title: "One" },
  );
  const two = page((st) => void st.checkbox("Show"), { title: "Two" });
  const at = await AppTest.fromApp(
    defineApp(async (st) => st.navigation([one, two]).run(st)),
  ).run();
  await at.checkbox("Show").setValue(true).run();
  await at.textInput({ key: "notes" }).setValue("kept?").run();
  const oneShow = at.checkbox("Show").id;
  await at.navigate("/two").run();
  // The same label on another page is another widget.
  expect(at.checkbox("Show").id).not.toBe(oneShow);
  expect(at.checkbox("Show").props.value).toBe(false);
  await at.navigate("/").run();
  expect(at.checkbox("Show").props.value).toBe(false);
  expect((await at.record()).widgets["key:notes"]).toBeUndefined();
});

test("a widget's callback on a page is found and runs", async () => {
  let changed = 0;
  const one = page(
    (st) => void st.slider("Level", { min: 0, max: 9, onChange: () => void changed++ }),
    { title: "One" },
  );
  const at = await AppTest.fromApp(defineApp(async (st) => st.navigation([one]).run(st))).run();
  await at.slider("Level").setValue(4).run();
  expect(changed).toBe(1);
  expect(at.slider("Level").props.value).toBe(4);
});

test("wrong uses of pages are clear errors", async () => {
  expect(() => page("nope" as never, { title: "x" })).toThrow(EdgelitApiError);
  expect(() => page(() => {}, { title: "" })).toThrow(/needs a title/);
  expect(() => page(() => {}, { title: "🎉" })).toThrow(/gives no url path/);
  expect(() => page(() => {}, { title: "x", urlPath: "a/b" })).toThrow(/not a valid page path/);

  const twin = page(() => {}, { title: "Settings!" });
  const otherDefault = page(() => {}, { title: "Other", default: true });
  const cases: [string, (st: St) => unknown, RegExp][] = [
    [
      "duplicate",
      (st) => st.navigation([home, settings, twin]),
      /"Settings" and "Settings!" have the same url path "settings"/,
    ],
    ["twice", (st) => st.navigation([home, home]), /given to st.navigation twice/],
    [
      "defaults",
      (st) => st.navigation([page(() => {}, { title: "A", default: true }), otherDefault]),
      /Only one page can be the default/,
    ],
    ["empty", (st) => st.navigation([]), /at least one page/],
    ["function", (st) => st.navigation([(() => {}) as never]), /wrap it: page\(fn, \{ title \}\)/],
    ["again", (st) => (st.navigation([home]), st.navigation([home])), /once per run/],
    ["position", (st) => st.navigation([home], { position: "left" as never }), /position must be/],
    [
      "other page",
      (st) => (st.navigation([home, settings]), settings.run(st)),
      /not the page st.navigation chose/,
    ],
  ];
  for (const [name, script, message] of cases) {
    const at = await AppTest.fromApp(defineApp(async (st) => void (await script(st)))).run();
    expect(at.exceptions[0]?.props.message, name).toMatch(message);
    expect(at.exceptions[0]?.props.name, name).toBe("EdgelitApiError");
  }
});

test("events name the page's URL; a bad one is refused, and an event without one stays on the session's page", () => {
  const limits = { maxBytes: 1024, maxChanges: 10 };
  const base = {
    protocol: PROTOCOL_VERSION,
    sessionId: null,
    lastRunId: null,
    eventId: "e",
    changes: [],
  };
  expect(toRerunRequest({ ...base, url: "/settings?q=1" }, limits).url).toBe("/settings?q=1");
  expect(toRerunRequest(base, limits).url).toBeUndefined();
  for (const url of ["settings", 42, "/" + "a".repeat(9000)]) {
    expect(() => toRerunRequest({ ...base, url }, limits)).toThrow(RequestError);
  }
});

test("the server serves the page at any page path, keeps /_edgelit routes, and remembers the session's URL", async () => {
  const server = createServer({
    app: multipage,
    storage: createStorage(),
    assets: async (path) =>
      path === "/index.html"
        ? new Response(
            '<title>x</title><script type="application/json" id="edgelit-config">{}</script>',
          )
        : undefined,
  });
  for (const path of ["/", "/settings", "/settings/", "/report?x=1", "/nope"]) {
    const response = await server.fetch(new Request(`http://app.test${path}`));
    expect(response.status, path).toBe(200);
    expect(await response.text()).toContain('id="edgelit-config"');
  }
  expect((await server.fetch(new Request("http://app.test/_edgelit/nope"))).status).toBe(400);
  expect((await server.fetch(new Request("http://app.test/settings/missing.js"))).status).toBe(404);
  // h3 refuses a path with a malformed escape before any route.
  expect((await server.fetch(new Request("http://app.test/%zz"))).status).toBe(400);

  const headingsOf = (messages: ServerMessage[]) =>
    messages.flatMap((m) => (m.type === "element" && m.kind === "heading" ? [m.props.body] : []));
  // A value typed on the first event: the session is saved, with its URL.
  const first = await postToServer(server, {
    sessionId: null,
    lastRunId: null,
    eventId: "1",
    url: "/settings",
    changes: [{ id: "key:email", value: "ada@example.com" }],
  });
  expect(headingsOf(first)).toEqual(["Settings page"]);
  const sessionId = (first[0] as Extract<ServerMessage, { type: "start" }>).sessionId;
  // A client that names no URL (an older page, a script) runs where the session last was.
  const second = await postToServer(server, { sessionId, lastRunId: null, eventId: "2" });
  expect(headingsOf(second)).toEqual(["Settings page"]);
  const third = await postToServer(server, {
    sessionId,
    lastRunId: null,
    eventId: "3",
    url: "/missing",
  });
  expect(third.filter((m) => m.type === "url")).toEqual([
    { type: "url", url: "/", history: "replace" },
  ]);
  // The URL message comes after the save, right before finish.
  expect(third.at(-2)?.type).toBe("url");
  expect(third.at(-1)?.type).toBe("finish");
});

test("the hello tour's section reads and writes the query", async () => {
  const at = await AppTest.fromApp(defineApp((st) => multipageSection(st))).run();
  const said = () =>
    at
      .get("markdown")
      .map((m) => m.props.body)
      .find((body) => body.includes("greeting") || body.startsWith("The URL says"));
  expect(said()).toContain("no `?greeting=`");
  const link = at.get("pageLink")[0]!.props;
  expect(link).toMatchObject({ href: "/?greeting=hello" });
  await at.navigate(link.href).run();
  expect(said()).toBe("The URL says **hello**.");
  await at.button("Write ?greeting=bonjour from the app").click().run();
  expect(said()).toBe("The URL says **bonjour**.");
  expect(at.urlChange).toEqual({ url: "/?greeting=bonjour", history: "replace" });
  await at.button("Clear the query").click().run();
  expect(at.url).toBe("/");
});

test("st.switchPage in a callback moves the run that follows to the other page", async () => {
  const first = page((st) => void st.button("Next", { onClick: () => st.switchPage(second) }), {
    title: "First",
  });
  const second = page((st) => void st.write("second page"), { title: "Second" });
  const at = await AppTest.fromApp(
    defineApp(async (st) => st.navigation([first, second]).run(st)),
  ).run();
  await at.button("Next").click().run();
  expect(at.get("markdown").map((m) => m.props.body)).toEqual(["second page"]);
  expect(at.urlChange).toEqual({ url: "/second", history: "push" });
  expect(at.exceptions).toEqual([]);
});

test("st.switchPage in a callback refuses a path no page can have, as the script does", async () => {
  const first = page(
    (st) => void st.button("Next", { onClick: () => st.switchPage("/second?from=first") }),
    { title: "First" },
  );
  const second = page((st) => void st.write("second page"), { title: "Second" });
  const at = await AppTest.fromApp(
    defineApp(async (st) => st.navigation([first, second]).run(st)),
  ).run();
  await at.button("Next").click().run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /st\.switchPage: "\/second\?from=first" is not a page path/,
  );
  expect(at.urlChange).toBeUndefined();
});
