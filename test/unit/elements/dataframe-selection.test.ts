import { describe, expect, test } from "vitest";
import { defineApp, type SelectableDataframeOptions } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const people = [
  { name: "Ada", born: 1815 },
  { name: "Grace", born: 1906 },
  { name: "Alan", born: 1912 },
];

/** An app whose selectable grid writes what it sees of the selection. */
function selectingApp(options: SelectableDataframeOptions = { onSelect: "rerun" }) {
  return defineApp((st) => {
    const event = st.dataframe(people, { key: "people", ...options });
    st.text(`selected ${JSON.stringify(event.selection)}`);
    st.text(`session ${JSON.stringify(st.session.people)}`);
  });
}

const shown = (at: AppTest) => at.get("text").map((element) => element.props.body);
const reasons = (at: AppTest) =>
  at.refused.map((refusal) =>
    refusal.message.replace(/^Refused a value for this \w+: /, "").replace(/\.$/, ""),
  );

describe("dataframe selections", () => {
  test("without onSelect a dataframe is no widget; with it, it starts with nothing selected", async () => {
    const plain = await AppTest.fromApp(defineApp((st) => void st.dataframe(people))).run();
    expect(plain.get("dataframe")[0]!.props.id).toBeUndefined();
    expect(plain.get("dataframe")[0]!.props.selection).toBeUndefined();
    expect(() => plain.dataframe({ key: "people" })).toThrow(/no dataframe/);

    const at = await AppTest.fromApp(selectingApp()).run();
    expect(shown(at)).toEqual([
      'selected {"rows":[],"columns":[],"cells":[]}',
      'session {"selection":{"rows":[],"columns":[],"cells":[]}}',
    ]);
    expect(at.get("dataframe")[0]!.props.selection?.modes).toEqual(["multi-row"]);
  });

  test("selected rows reach the app and st.session; the page is told the selection", async () => {
    const at = await AppTest.fromApp(selectingApp()).run();
    await at
      .dataframe({ key: "people" })
      .select({ rows: [2, 0] })
      .run();
    expect(at.refused).toEqual([]);
    expect(shown(at)[0]).toBe('selected {"rows":[2,0],"columns":[],"cells":[]}');
    expect(shown(at)[1]).toBe('session {"selection":{"rows":[2,0],"columns":[],"cells":[]}}');
    expect(at.get("dataframe")[0]!.props.selection?.value.selection.rows).toEqual([2, 0]);
  });

  test("columns and cells in the modes that allow them; a callback runs first", async () => {
    let seen = "";
    const app = defineApp((st) => {
      const event = st.dataframe(people, {
        key: "grid",
        onSelect: () => {
          seen = JSON.stringify(st.session.grid);
        },
        selectionMode: ["multi-column", "single-cell"],
      });
      st.text(JSON.stringify(event.selection));
    });
    const at = await AppTest.fromApp(app).run();
    await at
      .dataframe({ key: "grid" })
      .select({ columns: ["born", "name"], cells: [[1, "born"]] })
      .run();
    expect(at.refused).toEqual([]);
    expect(shown(at)).toEqual(['{"rows":[],"columns":["born","name"],"cells":[[1,"born"]]}']);
    expect(seen).toBe('{"selection":{"rows":[],"columns":["born","name"],"cells":[[1,"born"]]}}');
  });

  test("selections that do not fit the frame or the modes are refused with a reason and change nothing", async () => {
    const at = await AppTest.fromApp(
      selectingApp({ onSelect: "rerun", selectionMode: ["single-row", "multi-cell"] }),
    ).run();
    await at
      .dataframe({ key: "people" })
      .select({ rows: [1] })
      .run();
    const before = shown(at);
    expect(before[0]).toBe('selected {"rows":[1],"columns":[],"cells":[]}');

    const grid = () => at.dataframe({ key: "people" });
    const cases: [() => AppTest, string][] = [
      [
        () => grid().select({ rows: [3] }),
        "row 3 is not a row of the data (it has 3 rows, numbered from 0)",
      ],
      [
        () => grid().select({ rows: [-1] }),
        "row -1 is not a row of the data (it has 3 rows, numbered from 0)",
      ],
      [() => grid().select({ rows: [0, 1] }), "this dataframe selects one row at most, got 2"],
      [
        () => grid().select({ columns: ["name"] }),
        "this dataframe does not select columns (its modes: single-row, multi-cell)",
      ],
      [
        () => grid().select({ cells: [[0, "age"]] }),
        'cell [0,"age"]: column "age" is not a column of the data',
      ],
      [
        () =>
          grid().select({
            cells: [
              [0, "name"],
              [0, "name"],
            ],
          }),
        'cell [0,"name"] is selected twice',
      ],
      [
        () => at.sendChange(grid().id, { rows: [1] }),
        'expected { selection: { rows, columns, cells } }, got {"rows":[1]}',
      ],
      [
        () => at.sendChange(grid().id, { selection: { rows: "1", columns: [], cells: [] } }),
        "rows, columns and cells must each be a list",
      ],
    ];
    for (const [send, reason] of cases) {
      await send().run();
      expect(reasons(at)).toEqual([reason]);
      expect(shown(at)).toEqual(before);
      expect(at.get("dataframe")[0]!.props.selection?.value.selection.rows).toEqual([1]);
    }
  });

  test("bad selection modes and onSelect values are errors in the page", async () => {
    const modes = await AppTest.fromApp(
      defineApp(
        (st) =>
          void st.dataframe(people, {
            onSelect: "rerun",
            selectionMode: ["single-row", "multi-row"],
          }),
      ),
    ).run();
    expect(modes.exceptions[0]!.props.message).toContain(
      'selectionMode cannot hold both "single-row" and "multi-row"',
    );
    const unknown = await AppTest.fromApp(
      defineApp(
        (st) =>
          void st.dataframe(people, { onSelect: "rerun", selectionMode: "rows" as "multi-row" }),
      ),
    ).run();
    expect(unknown.exceptions[0]!.props.message).toContain(
      'selectionMode "rows" is not one of "single-row"',
    );
  });

  test("a stored selection that no longer fits new data falls back to nothing selected", async () => {
    let rows = people;
    const app = defineApp((st) => {
      const event = st.dataframe(rows, { key: "grid", onSelect: "rerun" });
      st.text(JSON.stringify(event.selection.rows));
      st.button("Again");
    });
    const at = await AppTest.fromApp(app).run();
    await at
      .dataframe({ key: "grid" })
      .select({ rows: [2] })
      .run();
    expect(shown(at)).toEqual(["[2]"]);
    rows = people.slice(0, 2);
    await at.button("Again").click().run();
    expect(shown(at)).toEqual(["[]"]);
  });
});
