import { tableFromIPC, tableToIPC } from "apache-arrow";
import { expect, test } from "vitest";
import {
  EdgelitApiError,
  component,
  declareComponent,
  defineApp,
  toArrowTable,
} from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** Issue 19: custom components through AppTest (values, refusals, st.session, dataframe args). */

const picker = declareComponent("unit-picker", { path: "components/picker" });
const scores = toArrowTable([
  { name: "Ada", score: 3 },
  { name: "Alan", score: 5 },
]);

const declaredApp = defineApp((st) => {
  const value = picker<unknown>(st, { title: "Pick", scores }, { key: "pick", default: "none" });
  st.text(value instanceof Uint8Array ? `bytes ${[...value].join(",")}` : JSON.stringify(value));
});

const text = (at: AppTest) => at.get("text").at(-1)!.props.body;

test("a declared component's value is what its frontend sent: JSON, bytes or an Arrow table's records", async () => {
  const at = await AppTest.fromApp(declaredApp).run();
  expect(text(at)).toBe('"none"');
  const props = at.component({ key: "pick" }).props;
  expect(props).toMatchObject({
    src: "/_edgelit/component/unit-picker/index.html",
    args: { title: "Pick" },
  });
  expect(props.dataframes.map((frame) => frame.key)).toEqual(["scores"]);
  await at
    .component({ key: "pick" })
    .setValue({ dataType: "json", value: { a: 1 } })
    .run();
  expect(text(at)).toBe('{"a":1}');
  await at.component({ key: "pick" }).setValue({ dataType: "bytes", base64: "AQL+" }).run();
  expect(text(at)).toBe("bytes 1,2,254");
  const base64 = Buffer.from(tableToIPC(scores, "stream")).toString("base64");
  await at.component({ key: "pick" }).setValue({ dataType: "dataframe", base64 }).run();
  expect(text(at)).toBe('[{"name":"Ada","score":3},{"name":"Alan","score":5}]');
  expect(at.refused).toEqual([]);
});

test("a declared component's dataframe arg is stored as the three Arrow streams ArrowTable reads", async () => {
  const at = await AppTest.fromApp(declaredApp).run();
  const [frame] = at.component({ key: "pick" }).props.dataframes;
  const read = async (id: string) => tableFromIPC((await at.media.openMedia(id))!.read());
  const [data, index, columns] = await Promise.all([
    read(frame!.data),
    read(frame!.index),
    read(frame!.columns),
  ]);
  expect(data.toArray().map((row) => row.toJSON())).toEqual([
    { name: "Ada", score: 3 },
    { name: "Alan", score: 5 },
  ]);
  expect([...index.getChildAt(0)!]).toEqual([0, 1]);
  expect([...columns.getChildAt(0)!]).toEqual(["name", "score"]);
});

test("malformed or oversized values are refused; the app keeps its value", async () => {
  const at = await AppTest.fromApp(declaredApp).run();
  await at.component({ key: "pick" }).setValue({ dataType: "json", value: "kept" }).run();
  for (const bad of [
    "plain",
    { dataType: "rows" },
    { dataType: "bytes", base64: "not base64!" },
    { dataType: "dataframe", base64: "AQID" },
    { dataType: "json", value: "x".repeat(300_000) },
  ]) {
    await at.component({ key: "pick" }).setValue(bad).run();
    expect(at.refused, JSON.stringify(bad).slice(0, 40)).toHaveLength(1);
    expect(text(at)).toBe('"kept"');
  }
});

test("st.session sets a declared component's value by its key", async () => {
  const app = defineApp((st) => {
    st.session.pick ??= "from the session";
    st.text(String(picker(st, {}, { key: "pick" })));
  });
  expect(text(await AppTest.fromApp(app).run())).toBe("from the session");
});

const counter = component("unit-counter", {
  html: "<button>+1</button>",
  js: "export default () => {}",
});
const inlineApp = defineApp((st) => {
  const result = counter(st, { key: "counter", default: { count: 0 }, data: { step: 1 } });
  st.text(`count ${String(result.count)} pinged ${String(result.pinged ?? "no")}`);
});

test("an inline component's state values last; its trigger values last one run", async () => {
  const at = await AppTest.fromApp(inlineApp).run();
  expect(text(at)).toBe("count 0 pinged no");
  const props = at.inlineComponent({ key: "counter" }).props;
  expect(props).toMatchObject({
    data: { step: 1 },
    state: { count: 0 },
    html: "<button>+1</button>",
  });
  expect(props.module).toMatch(/^\/_edgelit\/component-module\/[0-9a-f]{32}$/);
  await at.inlineComponent({ key: "counter" }).setValue({ count: 2 }).run();
  expect(text(at)).toBe("count 2 pinged no");
  await at.sendChange(props.triggerId, { name: "pinged", value: "yes" }).run();
  expect(text(at)).toBe("count 2 pinged yes");
  await at.run();
  expect(text(at)).toBe("count 2 pinged no");
  await at
    .inlineComponent({ key: "counter" })
    .setValue({ count: "x".repeat(300_000) })
    .run();
  expect(at.refused).toHaveLength(1);
  await at.inlineComponent({ key: "counter" }).setValue([1]).run();
  expect(at.refused).toHaveLength(1);
  expect(text(at)).toBe("count 2 pinged no");
});

test("names and sources are checked when a component is declared", () => {
  expect(() => declareComponent("../x", { path: "x" })).toThrow(EdgelitApiError);
  expect(() => declareComponent("x", { url: "javascript:alert(1)" })).toThrow(EdgelitApiError);
  expect(() => component("a b", {})).toThrow(EdgelitApiError);
});

test("a form cannot hold a component, and says so", async () => {
  const app = defineApp((st) => {
    const form = st.form("f");
    picker(form, {}, { key: "in-form" });
    form.formSubmitButton("Send");
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.exceptions[0]?.props.message).toMatch(/put it outside the form/);
});
