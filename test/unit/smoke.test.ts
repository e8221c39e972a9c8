import { expect, test } from "vitest";
import { AppTest } from "edgelit/testing";
import counter from "../../examples/counter/app.ts";

test("counter counts", async () => {
  const at = await AppTest.fromApp(counter).run();
  expect(at.get("metric")[0]!.props.value).toBe("0");
  await at.button("Add one").click().run();
  await at.button("Add one").click().run();
  expect(at.get("metric")[0]!.props.value).toBe("2");
  await at.slider("Step").setValue(5).run();
  expect(at.get("markdown").map((m) => m.props.body)).toContain("Step is **5**");
  console.log(JSON.stringify(at.messages));
});
