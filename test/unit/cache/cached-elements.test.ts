import { expect, test } from "vitest";
import { cacheData, cacheResource, defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/**
 * Issue 19: an element drawn inside a cached function would show on the run
 * that computed it and be missing on every cache hit. It is refused, with a
 * message that says why, whether drawn before or after the function's first await.
 */

test("a cached function that draws an element, after an await, is refused with the reason; nothing is cached", async () => {
  let calls = 0;
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const loadRows = cacheData(async function loadRows(region: string) {
        calls++;
        await new Promise((done) => setTimeout(done, 1));
        st.warning(`No rows for ${region}`);
        return [];
      });
      await loadRows("EU");
      st.text("after");
    }),
  ).run();
  const [error] = at.get("exception");
  expect(error?.props.message).toBe(
    "cacheData(loadRows) drew an element or a widget. A cached function does not run again when its result comes from the cache, so what it draws would be missing then: return what to show, and draw it outside the function.",
  );
  expect(at.get("alert")).toEqual([]);
  await at.run();
  // Not cached: it ran (and was refused) again.
  expect(calls).toBe(2);
});

test("a cached resource that draws a widget is refused too; drawing from the result outside works", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const connect = cacheResource(function connect() {
        st.checkbox("Inside");
        return { ok: true };
      });
      const load = cacheData(async (n: number) => ({ problem: n > 1 ? "too many" : null }));
      try {
        connect();
      } catch (error) {
        st.text(`refused: ${(error as Error).message.split(".")[0]}`);
      }
      const { problem } = await load(2);
      if (problem) st.error(problem);
    }),
  ).run();
  expect(at.get("text").map((e) => e.props.body)).toEqual([
    "refused: cacheResource(connect) drew an element or a widget",
  ]);
  expect(at.get("alert").map((e) => e.props.body)).toEqual(["too many"]);
});
