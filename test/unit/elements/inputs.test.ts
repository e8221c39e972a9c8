import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

test("every widget returns its default first, then what the user set", async () => {
  const app = defineApp((st) => {
    const values = {
      checkbox: st.checkbox("Check"),
      toggle: st.toggle("Toggle", { value: true }),
      slider: st.slider("Slide", { min: 0, max: 1, step: 0.1, value: 0.5 }),
      range: st.slider("Range", { min: 0, max: 100, value: [10, 20] }),
      text: st.textInput("Text", { value: "hi" }),
      area: st.textArea("Area"),
      number: st.numberInput("Number", { min: 0, max: 5 }),
      empty: st.numberInput("Optional", { value: null }),
      select: st.selectbox("Select", [{ id: 1 }, { id: 2 }], { formatFunc: (o) => `#${o.id}` }),
      radio: st.radio("Radio", ["x", "y"], { index: null }),
      multi: st.multiselect("Multi", ["a", "b", "c"], { default: ["c"] }),
    };
    st.json(values);
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.get("json")[0]!.props.body).toEqual({
    checkbox: false,
    toggle: true,
    slider: 0.5,
    range: [10, 20],
    text: "hi",
    area: "",
    number: 0,
    empty: null,
    select: { id: 1 },
    radio: null,
    multi: ["c"],
  });
  await at
    .checkbox("Check")
    .setValue(true)
    .toggle("Toggle")
    .setValue(false)
    .slider("Slide")
    .setValue(0.7)
    .slider("Range")
    .setValue([30, 90])
    .textInput("Text")
    .setValue("yo")
    .textArea("Area")
    .setValue("a\nb")
    .numberInput("Number")
    .setValue(4)
    .numberInput("Optional")
    .setValue(2.5)
    .selectbox("Select")
    .setValue("#2")
    .radio("Radio")
    .setValue("y")
    .multiselect("Multi")
    .setValue(["a", "c"])
    .run();
  expect(at.refused).toEqual([]);
  expect(at.get("json")[0]!.props.body).toEqual({
    checkbox: true,
    toggle: false,
    slider: 0.7,
    range: [30, 90],
    text: "yo",
    area: "a\nb",
    number: 4,
    empty: 2.5,
    select: { id: 2 },
    radio: "y",
    multi: ["a", "c"],
  });
  expect(at.selectbox("Select").props).toMatchObject({ options: ["#1", "#2"], index: 1 });
  expect(at.multiselect("Multi").props).toMatchObject({ indices: [0, 2] });
});

test("widgets carry help, disabled and their settings to the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.button("Go", {
        help: "Starts it",
        disabled: true,
        type: "primary",
        useContainerWidth: true,
      });
      st.textInput("Secret", { type: "password", maxChars: 8, placeholder: "****" });
      st.radio("Size", ["S", "M"], { horizontal: true });
    }),
  ).run();
  expect(at.button("Go").props).toMatchObject({
    label: "Go",
    help: "Starts it",
    disabled: true,
    variant: "primary",
    fullWidth: true,
  });
  expect(at.textInput("Secret").props).toMatchObject({
    password: true,
    maxChars: 8,
    placeholder: "****",
  });
  expect(at.radio("Size").props).toMatchObject({ horizontal: true, options: ["S", "M"], index: 0 });
});

test("client values must fit each widget's definition", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.slider("Range", { min: 0, max: 10, value: [2, 3] });
      st.numberInput("Whole", { min: 0, max: 10 });
      st.textInput("Short", { maxChars: 3 });
      st.multiselect("Two", ["a", "b", "c"], { maxSelections: 2 });
      st.checkbox("Tick");
      st.button("Press");
    }),
  ).run();
  await at
    .slider("Range")
    .setValue([5, 1])
    .numberInput("Whole")
    .setValue(1.5)
    .textInput("Short")
    .setValue("toolong")
    .sendChange(at.multiselect("Two").id, [0, 1, 2])
    .sendChange(at.multiselect("Two").id, [0, 0])
    .checkbox("Tick")
    .setValue("yes")
    .button("Press")
    .setValue(false)
    .run();
  expect(at.refused.map((r) => r.message.replace(/^Refused a value for this \w+: /, ""))).toEqual([
    "the range's low end 5 is above its high end 1.",
    "expected a whole number, got 1.5.",
    "text is longer than 3 characters.",
    "at most 2 options may be chosen.",
    "an option was chosen twice.",
    'expected true or false, got "yes".',
    "a button click is sent as true, got false.",
  ]);
});

test("an invalid default is a clear error in the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => void st.slider("S", { min: 0, max: 10, value: 50 })),
  ).run();
  expect(at.exceptions[0]!.props.message).toBe(
    'The default value of slider "S" is invalid: 50 is above the maximum 10.',
  );
});
