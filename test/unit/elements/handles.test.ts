import { expect, test } from "vitest";
import { defineApp, fragment, type ElementHandle } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const draw = (script: Parameters<typeof defineApp>[0]) => AppTest.fromApp(defineApp(script)).run();
const shown = (at: AppTest) =>
  at.elements.filter((e) => e.kind !== "empty").map((e) => [e.kind, e.props, e.path]);
const sentPaths = (at: AppTest) =>
  at.messages.flatMap((m) => (m.type === "element" ? [m.path.join(".")] : []));

const png = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

test("the Uber tutorial's pattern: a text's handle replaces that text in place", async () => {
  const at = await draw((st) => {
    const status = st.text("Loading data…");
    st.write("the data");
    status.text("Done!");
  });
  expect(shown(at)).toEqual([
    ["text", { body: "Done!" }, [0, 0]],
    ["markdown", { body: "the data" }, [0, 1]],
  ]);
});

test("every element call returns a handle, whose calls may draw another kind", async () => {
  const at = await draw((st) => {
    st.markdown("a").success("b");
    st.title("t").metric("m", 1);
    st.write("w").info("i");
    st.latex("x").code("y", { language: "text" });
    st.error("e").divider();
    st.linkButton("Docs", "https://example.com").caption("c");
    st.toast("hi").text("after the toast");
    st.balloons().text("after the balloons");
  });
  expect(shown(at).map(([kind]) => kind)).toEqual([
    "alert",
    "metric",
    "alert",
    "code",
    "divider",
    "caption",
    "text",
    "text",
  ]);
  expect(at.get("alert")[0]!.props).toEqual({ level: "success", body: "b" });
  expect(at.get("markdown")).toEqual([]);
});

test("st.write returns the handle of the last element it drew", async () => {
  const at = await draw((st) => {
    st.write("text", { data: 1 }).text("replaces the JSON");
  });
  expect(shown(at)).toEqual([
    ["markdown", { body: "text" }, [0, 0]],
    ["text", { body: "replaces the JSON" }, [0, 1]],
  ]);
});

test(".empty() on a handle clears its element", async () => {
  const at = await draw((st) => {
    const gone = st.text("gone");
    st.text("stays");
    gone.empty();
  });
  expect(shown(at)).toEqual([["text", { body: "stays" }, [0, 1]]]);
});

test("handles in columns, tabs, a form and the sidebar replace their element where it is", async () => {
  const at = await draw((st) => {
    const [left, right] = st.columns(2);
    const inLeft = left!.text("left");
    right!.text("right");
    inLeft.text("left, replaced");
    const [tab] = st.tabs(["One"]);
    tab!.markdown("tab").text("tab, replaced");
    const form = st.form("f");
    const inForm = form.text("in the form");
    form.formSubmitButton("Go");
    inForm.text("in the form, replaced");
    st.sidebar.text("side").text("side, replaced");
  });
  const texts = at.get("text").map((e) => [e.props.body, e.path]);
  expect(texts).toEqual([
    ["left, replaced", [0, 0, 0, 0]],
    ["right", [0, 0, 1, 0]],
    ["tab, replaced", [0, 1, 0, 0]],
    ["in the form, replaced", [0, 2, 0]],
    ["side, replaced", [1, 0]],
  ]);
});

test("a handle inside a fragment replaces its element in the fragment's rerun too", async () => {
  const panel = fragment("handle-panel", (st) => {
    const status = st.text("working…");
    st.button("Again");
    status.text(`clicks: ${(st.session.clicks = (st.session.clicks ?? 0) + 1)}`);
  });
  const at = await draw((st) => panel(st));
  expect(at.get("text").map((e) => e.props.body)).toEqual(["clicks: 1"]);
  await at.button("Again").click().run();
  expect(at.get("text").map((e) => e.props.body)).toEqual(["clicks: 2"]);
});

test("a handle updated after an await sends the replacement as it happens", async () => {
  const at = await draw(async (st) => {
    const status = st.text("Loading…");
    await new Promise((resolve) => setTimeout(resolve, 20));
    status.text("Done!");
  });
  expect(shown(at)).toEqual([["text", { body: "Done!" }, [0, 0]]]);
  const textPath = sentPaths(at).filter((path) => path === "0.0");
  expect(textPath).toHaveLength(2);
});

test("an image read from a Blob returns a handle; what replaces it stays", async () => {
  const at = await draw((st) => {
    const picture = st.image(new Blob([png(5000)], { type: "image/png" }));
    st.text("after");
    picture.text("no picture after all");
    st.text("first").image(new Blob([png(6000)], { type: "image/png" }), { caption: "late" });
  });
  expect(shown(at).map(([kind]) => kind)).toEqual(["text", "text", "image"]);
  expect(at.get("text")[0]!.props.body).toBe("no picture after all");
  expect(at.get("image")[0]!.props.items[0]!.caption).toBe("late");
});

test("a handle kept from an earlier run does no harm in a later one", async () => {
  let kept: ElementHandle | undefined;
  const at = await draw((st) => {
    const stale = kept;
    kept = st.text(`run ${(st.session.runs = (st.session.runs ?? 0) + 1)}`);
    st.button("Rerun");
    try {
      stale?.text("from the past");
    } catch {
      // refusing is fine too; drawing into this run is not
    }
  });
  await at.button("Rerun").click().run();
  expect(shown(at).map(([kind, props]) => [kind, props])).toEqual([
    ["text", { body: "run 2" }],
    ["button", expect.objectContaining({ label: "Rerun" })],
  ]);
});
