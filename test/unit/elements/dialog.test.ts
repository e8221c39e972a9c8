import { expect, test } from "vitest";
import { EdgelitApiError, defineApp, dialog, fragment } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const bodies = (at: AppTest) => at.get("markdown").map((element) => element.props.body);

let appRuns = 0;
const dismissals: unknown[] = [];

const vote = dialog(
  "Cast your vote",
  (st, args: { item: string }) => {
    const reason = st.textInput(`Why ${args.item}?`);
    st.write(`reason: ${reason || "none"}`);
    if (st.button("Submit")) {
      st.session.vote = { item: args.item, reason };
      st.rerun();
    }
  },
  { width: "large" },
);

const survey = dialog("Survey", (st) => void st.write("one question"), {
  onDismiss: (st, args: { from: string }) => {
    dismissals.push(args);
    st.session.dismissed = true;
  },
});

const voteApp = defineApp((st) => {
  appRuns++;
  st.write(`app runs: ${appRuns}`);
  if (st.button("Vote for A")) vote(st, { item: "A" });
  if (st.session.vote) st.write(`voted ${st.session.vote.item} because ${st.session.vote.reason}`);
});

test("calling a dialog opens it; a widget inside reruns only the dialog, which stays open", async () => {
  const at = await AppTest.fromApp(voteApp).run();
  expect(at.get("dialog")).toEqual([]);
  await at.button("Vote for A").click().run();
  const [modal] = at.get("dialog");
  expect(modal!.props).toMatchObject({
    title: "Cast your vote",
    width: "large",
    dismissible: true,
    id: "dialog:Cast your vote",
  });
  const runs = appRuns;
  await at.textInput("Why A?").setValue("it is first").run();
  expect(appRuns).toBe(runs);
  expect(at.get("dialog")).toHaveLength(1);
  expect(bodies(at)).toContain("reason: it is first");
  expect((await at.record()).fragments?.["dialog:Cast your vote"]).toMatchObject({
    dialog: true,
    args: { item: "A" },
  });
});

test("st.rerun() inside a dialog reruns the app, which closes it", async () => {
  const at = await AppTest.fromApp(voteApp).run();
  await at.button("Vote for A").click().run();
  await at.textInput("Why A?").setValue("first").run();
  const runs = appRuns;
  await at.button("Submit").click().run();
  expect(appRuns).toBe(runs + 1);
  expect(at.get("dialog")).toEqual([]);
  expect(bodies(at).at(-1)).toBe("voted A because first");
  expect((await at.record()).fragments).toBeUndefined();
});

test("dismissing a dialog closes it without running the app, and a later rerun of it does not reopen it", async () => {
  const at = await AppTest.fromApp(voteApp).run();
  await at.button("Vote for A").click().run();
  const dialogId = at.get("dialog")[0]!.props.id;
  const runs = appRuns;
  await at.dismissDialog();
  expect(appRuns).toBe(runs);
  expect(at.get("dialog")).toEqual([]);
  const record = await at.record();
  expect(record.fragments?.[dialogId]).toBeUndefined();
  expect(Object.values(record.widgets).map((widget) => widget.kind)).toEqual(["button"]); // the dialog's widgets are gone

  await at.runFragment(dialogId); // e.g. an event the page queued before the dismissal
  expect(at.get("dialog")).toEqual([]);
  expect(appRuns).toBe(runs + 1); // an unknown fragment: a full run, where the button is not clicked
});

test("onDismiss runs with the dialog's arguments and the session, then the app reruns", async () => {
  let runs = 0;
  const at = await AppTest.fromApp(
    defineApp((st) => {
      runs++;
      if (st.button("Open survey")) survey(st, { from: "header" });
      st.write(`dismissed: ${st.session.dismissed ?? false}`);
    }),
  ).run();
  await at.button("Open survey").click().run();
  expect(at.get("dialog")[0]!.props.title).toBe("Survey");
  await at.dismissDialog();
  expect(dismissals).toEqual([{ from: "header" }]);
  // The click, the first event of a session never saved, first redraws the page the user saw.
  expect(runs).toBe(4);
  expect(at.get("dialog")).toEqual([]);
  expect(bodies(at)).toEqual(["dismissed: true"]);
});

test("onDismiss reads and writes the page's query params, like any callback", async () => {
  const filters = dialog("Filters", (st) => void st.write("pick filters"), {
    id: "filters",
    onDismiss: (st) => {
      st.session.seenQuery = st.queryParams.get("q") ?? "none";
      st.queryParams.set("filters", "closed");
    },
  });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      if (st.button("Filters")) filters(st);
    }),
    { url: "/?q=shoes" },
  ).run();
  await at.button("Filters").click().run();
  await at.dismissDialog();
  expect(await at.session()).toEqual({ seenQuery: "shoes" });
  expect(at.urlChange).toEqual({ url: "/?q=shoes&filters=closed", history: "replace" });
});

test("dialog options are checked, and a dialog's id can be given", async () => {
  expect(() => dialog("", () => {})).toThrow(EdgelitApiError);
  expect(() => dialog("Wide", () => {}, { width: "huge" as "large" })).toThrow(
    /width must be "small" or "large"/,
  );
  const locked = dialog("Locked", (st) => void st.write("stay"), {
    id: "locked",
    dismissible: false,
  });
  const at = await AppTest.fromApp(defineApp((st) => locked(st))).run();
  expect(at.get("dialog")[0]!.props).toEqual({
    id: "locked",
    title: "Locked",
    width: "small",
    dismissible: false,
  });
});

test("only one dialog can be open at a time", async () => {
  const first = dialog("First", (st) => void st.write("one"));
  const second = dialog("Second", (st) => void st.write("two"));
  const at = await AppTest.fromApp(
    defineApp((st) => {
      first(st);
      second(st);
    }),
  ).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /Only one dialog can be open at a time: "Second"/,
  );
});

test("a dialog opened from inside a fragment belongs to it, and its widgets rerun only the dialog", async () => {
  const note = dialog("Note", (st) => {
    const text = st.textInput("Note text");
    st.write(`note: ${text}`);
  });
  let fragmentRuns = 0;
  const panel = fragment("panel", (st) => {
    fragmentRuns++;
    if (st.button("Open note")) note(st);
  });
  const at = await AppTest.fromApp(defineApp((st) => panel(st))).run();
  await at.button("Open note").click().run();
  expect(at.get("dialog")[0]!.props.id).toBe("panel/dialog:Note");
  const runs = fragmentRuns;
  await at.textInput("Note text").setValue("hi").run();
  expect(fragmentRuns).toBe(runs);
  expect(bodies(at)).toEqual(["note: hi"]);
});
