import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const bodies = (at: AppTest) => at.get("markdown").map((e) => e.props.body);

test("a button is true for exactly the one run its click causes", async () => {
  const at = AppTest.fromApp(defineApp((st) => st.write(`clicked: ${st.button("Go")}`)));
  await at.run();
  expect(bodies(at)).toEqual(["clicked: false"]);
  await at.button("Go").click().run();
  expect(bodies(at)).toEqual(["clicked: true"]);
  await at.run();
  expect(bodies(at)).toEqual(["clicked: false"]);
});

test("onChange runs before the rerun, sees the new value, and callbacks run in event order", async () => {
  const order: string[] = [];
  const app = defineApp((st) => {
    st.session.log ??= [];
    st.slider("A", { key: "a", onChange: () => order.push(`a=${st.session.a}`) });
    st.checkbox("B", { key: "b", onChange: () => order.push(`b=${st.session.b}`) });
    order.push("script");
  });
  const at = await AppTest.fromApp(app).run();
  order.length = 0;
  await at.checkbox("B").setValue(true).slider("A").setValue(7).run();
  expect(order).toEqual(["b=true", "a=7", "script"]);
});

test("onChange does not run when the value did not change, and a button's onClick runs once per click", async () => {
  let changes = 0;
  const app = defineApp((st) => {
    st.session.clicks ??= 0;
    st.textInput("Name", { onChange: () => changes++ });
    st.button("Add", { onClick: () => st.session.clicks++ });
    st.metric("Clicks", st.session.clicks);
  });
  const at = await AppTest.fromApp(app).run();
  await at.textInput("Name").setValue("").run();
  expect(changes).toBe(0);
  await at.button("Add").click().run();
  await at.button("Add").click().run();
  expect(at.get("metric")[0]!.props.value).toBe("2");
});

test("st.rerun starts over with the state it changed; st.stop ends the run and keeps what was drawn", async () => {
  const app = defineApp((st) => {
    st.session.n ??= 0;
    st.write(`n=${st.session.n}`);
    if (st.session.n < 3) {
      st.session.n++;
      st.rerun();
    }
    st.write("before stop");
    st.stop();
    st.write("never drawn");
  });
  const at = await AppTest.fromApp(app).run();
  expect(bodies(at)).toEqual(["n=3", "before stop"]);
});

test("an endless st.rerun loop is reported instead of hanging", async () => {
  const at = await AppTest.fromApp(defineApp((st) => st.rerun())).run();
  expect(at.exceptions[0]!.props.message).toMatch(/restarted the app 100 times/);
});

test("two widgets with the same id show an error naming the widget; keys tell them apart", async () => {
  const clash = await AppTest.fromApp(
    defineApp((st) => {
      st.button("Save");
      st.button("Save");
    }),
  ).run();
  expect(clash.exceptions[0]!.props.name).toBe("DuplicateWidgetIdError");
  expect(clash.exceptions[0]!.props.message).toContain('button widgets labelled "Save"');
  const keyed = await AppTest.fromApp(
    defineApp((st) => {
      st.button("Save", { key: "top" });
      st.button("Save", { key: "bottom" });
    }),
  ).run();
  expect(keyed.exceptions).toEqual([]);
  expect(keyed.get("button")).toHaveLength(2);
});

test("widget keys read and write through st.session, as in Streamlit", async () => {
  const app = defineApp((st) => {
    st.session.color ??= "blue"; // set before the widget exists: becomes its value
    const color = st.selectbox("Color", ["red", "green", "blue"], { key: "color" });
    st.write(`color=${color} session=${st.session.color}`);
    if (st.button("Reset", { onClick: () => (st.session.color = "red") })) st.write("reset");
  });
  const at = await AppTest.fromApp(app).run();
  expect(bodies(at)).toEqual(["color=blue session=blue"]);
  await at.selectbox("Color").setValue("green").run();
  expect(bodies(at)).toEqual(["color=green session=green"]);
  await at.button("Reset").click().run();
  expect(bodies(at)).toEqual(["color=red session=red", "reset"]);
  expect(await at.session()).toMatchObject({ color: "red" });
});

test("changing a widget's value through st.session after it was drawn is an error", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.textInput("Name", { key: "name" });
      st.session.name = "late";
    }),
  ).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /cannot be changed after the widget with key "name" was drawn/,
  );
});

test("widgets the run does not draw forget their value, as in Streamlit", async () => {
  const app = defineApp((st) => {
    if (st.checkbox("Show")) st.write(`level=${st.slider("Level")}`);
  });
  const at = await AppTest.fromApp(app).run();
  await at.checkbox("Show").setValue(true).run();
  await at.slider("Level").setValue(40).run();
  expect(bodies(at)).toEqual(["level=40"]);
  await at.checkbox("Show").setValue(false).run();
  await at.checkbox("Show").setValue(true).run();
  expect(bodies(at)).toEqual(["level=0"]);
});

test("a script that throws shows the error, keeps the session, and recovers", async () => {
  const app = defineApp((st) => {
    st.session.visits = (st.session.visits ?? 0) + 1;
    if (st.checkbox("Break")) throw new RangeError("bad input");
    st.write(`visits=${st.session.visits}`);
  });
  const at = await AppTest.fromApp(app).run();
  await at.checkbox("Break").setValue(true).run();
  expect(at.exceptions[0]!.props).toMatchObject({ name: "RangeError", message: "bad input" });
  expect(at.exceptions[0]!.props.stack).toContain("RangeError");
  await at.checkbox("Break").setValue(false).run();
  expect(at.exceptions).toEqual([]);
  expect(bodies(at)).toEqual(["visits=3"]);
});

test("stacks are shown in development only", async () => {
  const app = defineApp(() => {
    throw new Error("boom");
  });
  expect(
    (await AppTest.fromApp(app, { dev: true }).run()).exceptions[0]!.props.stack,
  ).toBeDefined();
  expect(
    (await AppTest.fromApp(app, { dev: false }).run()).exceptions[0]!.props.stack,
  ).toBeUndefined();
});

test("invalid values from the client are refused with a reason and change nothing", async () => {
  const app = defineApp((st) => {
    const n = st.slider("N", { min: 1, max: 10, value: 2 });
    const pick = st.selectbox("Pick", ["a", "b"]);
    st.write(`n=${n} pick=${pick}`);
  });
  const at = await AppTest.fromApp(app).run();
  const slider = at.slider("N").id;
  const pick = at.selectbox("Pick").id;
  await at
    .sendChange(slider, "5")
    .sendChange(slider, 11)
    .sendChange(pick, 2)
    .sendChange("nope", 1)
    .run();
  expect(at.refused.map((r) => r.message)).toEqual([
    'Refused a value for this slider: expected a number, got "5".',
    "Refused a value for this slider: 11 is above the maximum 10.",
    "Refused a value for this selectbox: expected an option number from 0 to 1, got 2.",
    "That widget is not on the page any more; its value was ignored.",
  ]);
  expect(bodies(at)).toEqual(["n=2 pick=a"]);
  await at.sendChange(slider, 4).sendChange(pick, 1).run();
  expect(bodies(at)).toEqual(["n=4 pick=b"]);
});

test("a session value that cannot be stored fails the run with a clear message", async () => {
  const at = AppTest.fromApp(
    defineApp((st) => {
      st.session.handler = () => 1;
    }),
  );
  await expect(at.run()).rejects.toThrow(/st\.session\.handler cannot be kept between runs/);
});

test("async scripts may await between elements", async () => {
  const app = defineApp(async (st) => {
    st.write("one");
    await new Promise((done) => setTimeout(done, 5));
    st.write("two");
  });
  const at = await AppTest.fromApp(app).run();
  expect(bodies(at)).toEqual(["one", "two"]);
  expect(at.messages.some((m) => m.type === "progress")).toBe(true);
});
