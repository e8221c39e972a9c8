import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

test("balloons and snow draw nothing in place, and are sent again by every run that calls them", async () => {
  const app = defineApp((st) => {
    if (st.checkbox("Party", { value: true })) {
      st.balloons();
      st.snow();
    }
    st.button("Again");
  });
  const at = await AppTest.fromApp(app).run();
  const first = at.get("balloons")[0]!.props.nonce;
  expect(at.get("snow")).toHaveLength(1);
  await at.button("Again").click().run();
  expect(at.get("balloons")[0]!.props.nonce).not.toBe(first);
  expect(at.messages.some((m) => m.type === "element" && m.kind === "balloons")).toBe(true);
  await at.checkbox("Party").setValue(false).run();
  expect(at.get("balloons")).toEqual([]);
  expect(at.get("snow")).toEqual([]);
});

test("st.exception shows an error's name and message", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.exception(new RangeError("out of range"));
      st.exception("a plain string");
    }),
  ).run();
  expect(at.exceptions.map((e) => [e.props.name, e.props.message])).toEqual([
    ["RangeError", "out of range"],
    ["Error", "a plain string"],
  ]);
});
