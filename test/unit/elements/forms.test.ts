import { expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** A form of three widgets; every run records what the script saw. */
function signupApp(seen: unknown[], options: { clearOnSubmit?: boolean } = {}) {
  return defineApp((st) => {
    const form = st.form("signup", options);
    const name = form.textInput("Name", { key: "name" });
    const age = form.slider("Age", { min: 18, max: 99, value: 30 });
    const news = form.checkbox("Newsletter");
    const submitted = form.formSubmitButton("Sign up");
    seen.push({ name, age, news, submitted, sessionName: st.session.name });
    st.write(`${name}/${age}/${news}/${submitted}`);
  });
}

test("the form's values and its submit arrive in one event; the submit is true for that run only", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(signupApp(seen)).run();
  await at
    .textInput("Name")
    .setValue("Ada")
    .slider("Age")
    .setValue(36)
    .checkbox("Newsletter")
    .setValue(true)
    .formSubmitButton("Sign up")
    .click()
    .run();
  await at.run();
  expect(at.refused).toEqual([]);
  expect(seen).toEqual([
    { name: "", age: 30, news: false, submitted: false, sessionName: "" },
    // The submit, the first event of a session never saved, first redraws the page the user saw.
    { name: "", age: 30, news: false, submitted: false, sessionName: "" },
    { name: "Ada", age: 36, news: true, submitted: true, sessionName: "Ada" },
    { name: "Ada", age: 36, news: true, submitted: false, sessionName: "Ada" },
  ]);
  expect(at.get("markdown")[0]!.props.body).toBe("Ada/36/true/false");
  const record = await at.record();
  expect(record.widgets["key:name"]).toMatchObject({
    kind: "textInput",
    value: "Ada",
    form: "signup",
  });
  expect(record.widgets[at.formSubmitButton("Sign up").id]).toMatchObject({
    kind: "formSubmitButton",
    value: false,
    form: "signup",
  });
});

test("the form is a block holding its widgets; its options reach the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const form = st.form("f", { border: false, enterToSubmit: false });
      form.textInput("Inside");
      form.formSubmitButton("Send", {
        type: "primary",
        icon: "📨",
        help: "Sends it",
        useContainerWidth: true,
      });
      st.textInput("Outside");
    }),
  ).run();
  const [form] = at.get("form");
  expect(form!.props).toEqual({ border: false, enterToSubmit: false });
  expect(at.textInput("Inside").element.path).toEqual([...form!.path, 0]);
  expect(at.formSubmitButton("Send").props).toMatchObject({
    variant: "primary",
    icon: "📨",
    help: "Sends it",
    fullWidth: true,
  });
  expect((await at.record()).widgets[at.textInput("Outside").id]!.form).toBeUndefined();
});

test("a form widget's value without its form's submit is refused, and the stored session is untouched", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const [left, right] = [st.form("a"), st.form("b")];
      const name = left.textInput("Name");
      left.formSubmitButton("Send A");
      right.formSubmitButton("Send B");
      seen.push(name);
    }),
  ).run();
  const before = await at.record();
  await at.textInput("Name").setValue("forged").run();
  expect(at.refused).toEqual([
    {
      widgetId: at.textInput("Name").id,
      message: expect.stringMatching(/in the form "a".*submit button.*ignored/),
    },
  ]);
  // Another form's submit does not carry it either.
  await at.textInput("Name").setValue("forged").formSubmitButton("Send B").click().run();
  expect(at.refused).toHaveLength(1);
  // The first event of a session never saved first redraws the page the user saw: one more "".
  expect(seen).toEqual(["", "", "", ""]);
  const after = await at.record();
  expect(after.widgets).toEqual(before.widgets);
  // A submit click must be `true` to carry the form.
  await at
    .textInput("Name")
    .setValue("forged")
    .sendChange(at.formSubmitButton("Send A").id, "yes")
    .run();
  expect(at.refused.map((refusal) => refusal.message)).toEqual([
    expect.stringMatching(/in the form "a"/),
    'Refused a value for this formSubmitButton: a button click is sent as true, got "yes".',
  ]);
  expect(seen.at(-1)).toBe("");
});

test("callbacks of the form's widgets run at its submit, before the rerun and before the submit's onClick", async () => {
  const calls: string[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      calls.push("run");
      const form = st.form("f");
      form.textInput("Name", {
        key: "name",
        onChange: () => void calls.push(`name=${st.session.name}`),
      });
      form.checkbox("Agree", {
        key: "agree",
        onChange: () => void calls.push(`agree=${st.session.agree}`),
      });
      form.formSubmitButton("Go", { onClick: () => void calls.push("submit") });
    }),
  ).run();
  calls.length = 0;
  // The submit click sent first still runs its callback last. (The runs before the callbacks
  // replay the last state to find them; the one after them is the rerun.)
  await at
    .formSubmitButton("Go")
    .click()
    .textInput("Name")
    .setValue("Ada")
    .checkbox("Agree")
    .setValue(true)
    .run();
  expect(calls.slice(-4)).toEqual(["name=Ada", "agree=true", "submit", "run"]);
  expect(calls.filter((call) => call !== "run")).toHaveLength(3);
  calls.length = 0;
  // An unchanged widget's callback does not run; the submit's does.
  await at.textInput("Name").setValue("Ada").formSubmitButton("Go").click().run();
  expect(calls.filter((call) => call !== "run")).toEqual(["submit"]);
  expect(calls.at(-1)).toBe("run");
});

test("clearOnSubmit: the submit's run sees the values; the page, the record and the next runs have the defaults", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(signupApp(seen, { clearOnSubmit: true })).run();
  await at
    .textInput("Name")
    .setValue("Ada")
    .slider("Age")
    .setValue(40)
    .checkbox("Newsletter")
    .setValue(true)
    .formSubmitButton("Sign up")
    .click()
    .run();
  expect(seen.at(-1)).toEqual({
    name: "Ada",
    age: 40,
    news: true,
    submitted: true,
    sessionName: "Ada",
  });
  expect(at.get("markdown")[0]!.props.body).toBe("Ada/40/true/true");
  expect(at.textInput("Name").props.value).toBe("");
  expect(at.slider("Age").props.value).toBe(30);
  expect(at.checkbox("Newsletter").props.value).toBe(false);
  const record = await at.record();
  expect(record.widgets["key:name"]!.value).toBe("");
  expect(await at.session()).toMatchObject({ name: "" });

  await at.run();
  expect(seen.at(-1)).toEqual({
    name: "",
    age: 30,
    news: false,
    submitted: false,
    sessionName: "",
  });
  // A submit that sends nothing new still clears.
  await at.textInput("Name").setValue("Bob").formSubmitButton("Sign up").click().run();
  await at.formSubmitButton("Sign up").click().run();
  expect(seen.slice(-2)).toEqual([
    { name: "Bob", age: 30, news: false, submitted: true, sessionName: "Bob" },
    { name: "", age: 30, news: false, submitted: true, sessionName: "" },
  ]);
});

test("clearOnSubmit holds when the submit's run calls st.rerun(): the rerun sees the defaults", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(
    defineApp((st: St) => {
      st.session.names ??= [];
      const form = st.form("add", { clearOnSubmit: true });
      const name = form.textInput("Name");
      if (form.formSubmitButton("Add")) {
        st.session.names.push(name);
        st.rerun();
      }
      seen.push(name);
      st.write(st.session.names.join(","));
    }),
  ).run();
  await at.textInput("Name").setValue("Ada").formSubmitButton("Add").click().run();
  expect(seen).toEqual(["", ""]);
  expect(at.get("markdown")[0]!.props.body).toBe("Ada");
  expect(at.textInput("Name").props.value).toBe("");
});

test("equal widgets in two forms are two widgets", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      for (const key of ["first", "second"]) {
        const form = st.form(key);
        st.write(`${key}: ${form.textInput("Name")}`);
        form.formSubmitButton("Save");
      }
    }),
  ).run();
  await at
    .widget("textInput", { label: "Name", index: 1 })
    .setValue("Ada")
    .widget("formSubmitButton", { label: "Save", index: 1 })
    .click()
    .run();
  expect(at.refused).toEqual([]);
  expect(at.get("markdown").map((element) => element.props.body)).toEqual([
    "first: ",
    "second: Ada",
  ]);
});

test("a form without a submit button says so in the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.form("lonely").textInput("Name");
      const fine = st.form("fine");
      fine.formSubmitButton();
    }),
  ).run();
  const alerts = at.get("alert");
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.props).toMatchObject({
    level: "error",
    body: expect.stringMatching(/^\*\*Missing Submit Button\*\*/),
  });
  expect(alerts[0]!.path).toEqual([...at.get("form")[0]!.path, 1]);
  expect(at.formSubmitButton("Submit").props.label).toBe("Submit");
});

test.each([
  [
    "a submit button outside a form",
    (st: St) => void st.formSubmitButton("Go"),
    /st\.formSubmitButton\("Go"\) must be called on a form/,
  ],
  [
    "a button in a form",
    (st: St) => void st.form("f").button("Go"),
    /st\.button\(\) can't be used in a form .*"f".*formSubmitButton/,
  ],
  [
    "a download button in a form",
    (st: St) => void st.form("f").downloadButton("Get", "data"),
    /st\.downloadButton\(\) can't be used in a form/,
  ],
  [
    "a chat input in a form",
    (st: St) => void st.form("f").chatInput("Ask"),
    /st\.chatInput\(\) can't be used in a form/,
  ],
  [
    "a button in a column of a form",
    (st: St) => void st.form("f").columns(2)[1].button("Go"),
    /st\.button\(\) can't be used in a form/,
  ],
  [
    "a form in a form",
    (st: St) => void st.form("outer").form("inner"),
    /st\.form\("inner"\) is inside the form "outer": forms cannot be nested/,
  ],
  [
    "a form in an expander of a form",
    (st: St) => void st.form("outer").expander("More").form("inner"),
    /forms cannot be nested/,
  ],
  [
    "two forms with one key",
    (st: St) => void [st.form("same"), st.sidebar.form("same")],
    /two forms with key "same"/,
  ],
  ["a form without a key", (st: St) => void st.form(""), /st\.form needs a non-empty key/],
])("%s is an EdgelitApiError in the page", async (_name, script, message) => {
  const at = await AppTest.fromApp(defineApp(script)).run();
  expect(at.exceptions[0]!.props).toMatchObject({
    name: "EdgelitApiError",
    message: expect.stringMatching(message),
  });
});

test("a form drawn in a placeholder holds its widgets", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const form = st.empty().form("f");
      const value = form.empty().numberInput("N");
      seen.push([value, form.formSubmitButton()]);
    }),
  ).run();
  await at.numberInput("N").setValue(5).run();
  expect(at.refused).toHaveLength(1);
  await at.numberInput("N").setValue(5).formSubmitButton("Submit").click().run();
  // The first event of a session never saved first redraws the page the user saw: one more [0, false].
  expect(seen).toEqual([
    [0, false],
    [0, false],
    [0, false],
    [5, true],
  ]);
});

test("the hello tour's forms section places an order in one event and clears its note form", async () => {
  const { default: formsSection } = await import("../../../examples/hello/sections/forms.ts");
  const at = await AppTest.fromApp(defineApp((st) => formsSection(st))).run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("alert")).toEqual([]);
  await at
    .textInput("Name")
    .setValue("Ada")
    .selectbox("Size")
    .setValue("Large")
    .slider("Quantity")
    .setValue(2)
    .formSubmitButton("Place order")
    .click()
    .run();
  expect(at.get("alert").map((alert) => alert.props.body)).toEqual(["Ordered 2 × Large for Ada."]);
  await at.textInput("Note").setValue("hi").formSubmitButton("Send note").click().run();
  expect(at.get("alert").map((alert) => alert.props.body)).toEqual([
    "Sent: hi. The form is ready for the next one.",
  ]);
  expect(at.textInput("Note").props.value).toBe("");
  expect(at.textInput("Name").props.value).toBe("Ada");
});

test("clearOnSubmit resets the pickers too", async () => {
  const seen: unknown[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const form = st.form("pick", { clearOnSubmit: true });
      seen.push([
        form.dateInput("Day", { value: "2024-01-02" }),
        form.timeInput("At", { value: "07:30" }),
        form.colorPicker("Pen", { value: "#ff0000" }),
        form.selectSlider("Size", ["S", "M", "L"], { value: "M" }),
      ]);
      form.formSubmitButton();
    }),
  ).run();
  await at
    .dateInput("Day")
    .setValue("2025-05-06")
    .timeInput("At")
    .setValue("09:15")
    .colorPicker("Pen")
    .setValue("#00ff00")
    .selectSlider("Size")
    .setValue("L")
    .formSubmitButton("Submit")
    .click()
    .run();
  expect(at.refused).toEqual([]);
  expect(seen.at(-1)).toEqual(["2025-05-06", "09:15", "#00ff00", "L"]);
  expect([
    at.dateInput("Day").props.value,
    at.timeInput("At").props.value,
    at.colorPicker("Pen").props.value,
    at.selectSlider("Size").props.index,
  ]).toEqual(["2024-01-02", "07:30", "#ff0000", 1]);
  await at.run();
  expect(seen.at(-1)).toEqual(["2024-01-02", "07:30", "#ff0000", "M"]);
});
