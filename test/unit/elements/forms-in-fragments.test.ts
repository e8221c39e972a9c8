import { expect, test } from "vitest";
import { defineApp, fragment } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const bodies = (at: AppTest) => at.get("markdown").map((element) => element.props.body);

const signUp = fragment("sign-up-form", (st) => {
  const form = st.form("sign-up", { clearOnSubmit: true });
  const name = form.textInput("Name");
  const plan = form.pills("Plan", ["free", "pro"]);
  if (form.formSubmitButton("Join")) st.write(`joined: ${name} on ${plan}`);
});

const app = defineApp((st) => {
  st.session.fullRuns = (st.session.fullRuns ?? 0) + 1;
  st.write(`full runs: ${st.session.fullRuns}`);
  signUp(st);
});

test("a form inside a fragment submits as one event that reruns only the fragment, then clears", async () => {
  const at = await AppTest.fromApp(app).run();
  at.textInput("Name").setValue("Ada");
  at.pills("Plan").setValue("pro");
  await at.formSubmitButton("Join").click().run();
  expect(bodies(at)).toEqual(["full runs: 1", "joined: Ada on pro"]);
  expect(at.textInput("Name").element.props.value).toBe("");
  expect(at.pills("Plan").element.props.indices).toEqual([]);

  // A value sent for a form widget without its submit is refused, fragment or not.
  await at.textInput("Name").setValue("Eve").run();
  expect(at.refused[0]?.message).toMatch(/sent with the form's submit button/);
  expect(bodies(at)).toEqual(["full runs: 1"]);
});

test("a fragment cannot be drawn inside a form: its own reruns would take its widgets out of the form", async () => {
  // Its rerun knows nothing of the form around its block: the field would lose its form
  // (so a value sent without the submit would be taken) and its value with it.
  const field = fragment("field-in-form", (st) => void st.textInput("Name"), { runEvery: 5 });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const form = st.form("outer");
      field(form);
      form.formSubmitButton("Send");
    }),
  ).run();
  expect(at.exceptions[0]!.props).toMatchObject({
    name: "EdgelitApiError",
    message: expect.stringMatching(/fragment "field-in-form" is drawn inside the form "outer"/),
  });
});
