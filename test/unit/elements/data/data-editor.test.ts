import { describe, expect, test } from "vitest";
import { makeVector, Table, tableFromArrays, vectorFromArray } from "apache-arrow";
import { defineApp, type DataEditorOptions } from "../../../../src/index.ts";
import type { EditDiff } from "../../../../src/protocol/index.ts";
import { AppTest } from "../../../../src/testing/index.ts";

const people = [
  { name: "Ada", born: 1815, alive: false, team: "math" },
  { name: "Grace", born: 1906, alive: false, team: "navy" },
  { name: "Alan", born: 1912, alive: false, team: "math" },
];

/** An app whose editor writes what it returns and what st.session holds. */
function editingApp(options: DataEditorOptions = {}, data: unknown = people) {
  return defineApp((st) => {
    const edited = st.dataEditor(data as typeof people, { key: "people", ...options });
    st.text(`edited ${JSON.stringify(edited)}`);
    st.text(`session ${JSON.stringify(st.session.people)}`);
  });
}

const diff = (part: Partial<EditDiff>): EditDiff => ({
  editedRows: part.editedRows ?? {},
  addedRows: part.addedRows ?? [],
  deletedRows: part.deletedRows ?? [],
});
const shown = (at: AppTest) => at.get("text").map((element) => element.props.body);
const reasons = (at: AppTest) =>
  at.refused.map((refusal) =>
    refusal.message.replace(/^Refused a value for this \w+: /, "").replace(/\.$/, ""),
  );
const editor = (at: AppTest) => at.widget("dataEditor", { key: "people" });

describe("st.dataEditor", () => {
  test("untouched, it returns the data itself and its value is the empty diff", async () => {
    let returned: unknown;
    const app = defineApp((st) => {
      returned = st.dataEditor(people, { key: "people" });
    });
    const at = await AppTest.fromApp(app).run();
    expect(returned).toBe(people);
    const props = at.get("dataEditor")[0]!.props;
    expect(props.value).toEqual(diff({}));
    expect(props.rowCount).toBe(3);
    expect(props.rules.map((rules) => rules.kind)).toEqual(["text", "number", "checkbox", "text"]);
    expect(props.dynamic).toBeUndefined();
  });

  test("an edited cell reaches the app as records and st.session as the diff", async () => {
    const at = await AppTest.fromApp(editingApp()).run();
    await editor(at)
      .setValue(diff({ editedRows: { "1": { born: 1907, alive: true } } }))
      .run();
    expect(reasons(at)).toEqual([]);
    const [edited, session] = shown(at);
    expect(JSON.parse(edited!.slice("edited ".length))).toEqual([
      people[0],
      { name: "Grace", born: 1907, alive: true, team: "navy" },
      people[2],
    ]);
    expect(JSON.parse(session!.slice("session ".length))).toEqual(
      diff({ editedRows: { "1": { born: 1907, alive: true } } }),
    );
    expect(at.get("dataEditor")[0]!.props.value.editedRows).toEqual({
      "1": { born: 1907, alive: true },
    });
  });

  test("with numRows dynamic, rows are added (defaults filled) and deleted", async () => {
    const at = await AppTest.fromApp(
      editingApp({
        numRows: "dynamic",
        columnConfig: { team: { type: "selectbox", options: ["math", "navy"], default: "math" } },
      }),
    ).run();
    expect(at.get("dataEditor")[0]!.props.dynamic).toBe(true);
    await editor(at)
      .setValue(diff({ addedRows: [{ name: "Edsger", born: 1930 }], deletedRows: [0] }))
      .run();
    expect(reasons(at)).toEqual([]);
    expect(JSON.parse(shown(at)[0]!.slice("edited ".length))).toEqual([
      people[1],
      people[2],
      { name: "Edsger", born: 1930, alive: null, team: "math" },
    ]);
  });

  test("columns in, columns out; an Arrow Table in, a Table of the same types out", async () => {
    let columnsOut: unknown;
    let tableOut: Table | undefined;
    const table = new Table({
      id: makeVector(Int32Array.from([1, 2, 3])),
      city: vectorFromArray(["Oslo", "Lima", "Perth"]),
      when: vectorFromArray([new Date(0), new Date(86_400_000), null]),
    });
    const app = defineApp((st) => {
      columnsOut = st.dataEditor(
        { x: Float64Array.from([1, 2]), y: ["a", "b"] },
        { key: "columns", numRows: "dynamic" },
      );
      tableOut = st.dataEditor(table, { key: "table", numRows: "dynamic" });
    });
    const at = await AppTest.fromApp(app).run();
    expect(at.get("dataEditor")[1]!.props.rules.map((rules) => rules.kind)).toEqual([
      "integer",
      "text",
      "datetime",
    ]);
    at.widget("dataEditor", { key: "columns" }).setValue(
      diff({ editedRows: { "0": { x: 5 } }, deletedRows: [1], addedRows: [{ x: 7, y: "c" }] }),
    );
    at.widget("dataEditor", { key: "table" }).setValue(
      diff({
        editedRows: { "2": { id: 30, when: "2024-05-01T12:00:00Z" } },
        addedRows: [{ city: "Osaka" }],
      }),
    );
    await at.run();
    expect(reasons(at)).toEqual([]);
    expect(columnsOut).toEqual({ x: Float64Array.from([5, 7]), y: ["a", "c"] });
    expect(tableOut).toBeInstanceOf(Table);
    expect(tableOut!.schema.fields.map((field) => String(field.type))).toEqual(
      table.schema.fields.map((field) => String(field.type)),
    );
    expect(tableOut!.getChild("id")!.toArray()).toEqual(Int32Array.from([1, 2, 30, 0]));
    expect(tableOut!.getChild("city")!.toArray()).toEqual(["Oslo", "Lima", "Perth", "Osaka"]);
    expect(tableOut!.getChild("when")!.get(2)).toBe(Date.parse("2024-05-01T12:00:00Z"));
    expect(tableOut!.getChild("id")!.get(3)).toBeNull();
  });

  test("a dictionary column of an Arrow table edits as text", async () => {
    let out: Table | undefined;
    const table = tableFromArrays({ fruit: ["apple", "pear"] });
    const at = await AppTest.fromApp(
      defineApp((st) => {
        out = st.dataEditor(table, { key: "fruit" });
      }),
    ).run();
    await at
      .widget("dataEditor", { key: "fruit" })
      .setValue(diff({ editedRows: { "1": { fruit: "plum" } } }))
      .run();
    expect(reasons(at)).toEqual([]);
    expect(out!.getChild("fruit")!.toArray()).toEqual(["apple", "plum"]);
  });

  test("the same diff on a rerun returns the same edited object", async () => {
    const seen: unknown[] = [];
    const app = defineApp((st) => {
      seen.push(st.dataEditor(people, { key: "people" }));
      st.button("again");
    });
    const at = await AppTest.fromApp(app).run();
    await editor(at)
      .setValue(diff({ editedRows: { "0": { name: "Ada L." } } }))
      .run();
    const afterEdit = seen.at(-1);
    expect(afterEdit).not.toBe(people);
    await at.button("again").click().run();
    expect(seen.at(-1)).toBe(afterEdit);
  });

  test("edits that do not fit are refused with a reason and change nothing", async () => {
    const at = await AppTest.fromApp(
      editingApp({
        disabled: ["name"],
        columnConfig: {
          born: { type: "number", min: 1800, max: 2000 },
          team: { type: "selectbox", options: ["math", "navy"], required: true },
        },
      }),
    ).run();
    await editor(at)
      .setValue(diff({ editedRows: { "0": { born: 1816 } } }))
      .run();
    const before = shown(at);
    expect(before[1]).toBe(
      'session {"editedRows":{"0":{"born":1816}},"addedRows":[],"deletedRows":[]}',
    );

    const cases: [EditDiff | unknown, string][] = [
      [
        diff({ editedRows: { "0": { born: "ten" } } }),
        'edited row 0: column "born" takes a number, got "ten"',
      ],
      [
        diff({ editedRows: { "3": { born: 1900 } } }),
        'edited row "3" is not a row of the data (it has 3 rows, numbered from 0)',
      ],
      [
        diff({ editedRows: { "0": { born: 1700 } } }),
        'edited row 0: column "born" takes numbers from 1800, got 1700',
      ],
      [
        diff({ editedRows: { "0": { name: "Eve" } } }),
        'edited row 0: column "name" is disabled: it cannot be edited',
      ],
      [
        diff({ editedRows: { "0": { age: 3 } } }),
        'edited row 0: column "age" is not a column of the data',
      ],
      [
        diff({ editedRows: { "1": { team: "army" } } }),
        'edited row 1: column "team" takes one of "math", "navy"; got "army"',
      ],
      [
        diff({ editedRows: { "1": { team: null } } }),
        'edited row 1: column "team" is required: it cannot be empty',
      ],
      [
        diff({ editedRows: { "1": { alive: "yes" } } }),
        'edited row 1: column "alive" takes true or false, got "yes"',
      ],
      [
        diff({ addedRows: [{ born: 1950 }] }),
        'this editor has a fixed number of rows (numRows "fixed"): rows cannot be added',
      ],
      [
        diff({ deletedRows: [1] }),
        'this editor has a fixed number of rows (numRows "fixed"): rows cannot be deleted',
      ],
      [{ editedRows: {} }, "addedRows must be a list of rows, got nothing"],
      [
        { ...diff({}), removed: [] },
        'an edit diff holds editedRows, addedRows and deletedRows, not "removed"',
      ],
    ];
    for (const [value, reason] of cases) {
      await at.sendChange(editor(at).id, value).run();
      expect(reasons(at), reason).toEqual([reason]);
      expect(shown(at), reason).toEqual(before);
    }
  });

  test("in a dynamic editor, deleting a row that does not exist is refused", async () => {
    const at = await AppTest.fromApp(
      editingApp({ numRows: "dynamic", columnConfig: { name: { type: "text", required: true } } }),
    ).run();
    const before = shown(at);
    const cases: [EditDiff, string][] = [
      [
        diff({ deletedRows: [3] }),
        "deleted row 3 is not a row of the data (it has 3 rows, numbered from 0)",
      ],
      [diff({ deletedRows: [1, 1] }), "a row is deleted twice"],
      [
        diff({ addedRows: [{ born: 1950 }] }),
        'added row 0: column "name" is required: it cannot be empty',
      ],
      [diff({ addedRows: [{ born: "x" }] }), 'added row 0: column "born" takes a number, got "x"'],
    ];
    for (const [value, reason] of cases) {
      await editor(at).setValue(value).run();
      expect(reasons(at), reason).toEqual([reason]);
      expect(shown(at), reason).toEqual(before);
    }
  });

  test("st.session can set the diff; a callback sees it before the rerun", async () => {
    let seen = "";
    const app = defineApp((st) => {
      if (st.button("preset")) st.session.people = diff({ editedRows: { "2": { alive: true } } });
      const edited = st.dataEditor(people, {
        key: "people",
        onChange: () => {
          seen = JSON.stringify(st.session.people);
        },
      });
      st.text(String(edited[2]!.alive));
    });
    const at = await AppTest.fromApp(app).run();
    await editor(at)
      .setValue(diff({ editedRows: { "0": { alive: true } } }))
      .run();
    expect(seen).toBe('{"editedRows":{"0":{"alive":true}},"addedRows":[],"deletedRows":[]}');
    expect(shown(at)).toEqual(["false"]);
  });

  test("columns left out by columnOrder or hidden are kept as they are and cannot be edited", async () => {
    const at = await AppTest.fromApp(
      editingApp({ columnOrder: ["born", "name", "team"], columnConfig: { team: null } }),
    ).run();
    const props = at.get("dataEditor")[0]!.props;
    expect(props.columns.map((column) => column.name)).toEqual(["born", "name"]);
    expect(props.rules.map((rules) => rules.kind)).toEqual(["number", "text"]);
    await editor(at)
      .setValue(diff({ editedRows: { "0": { alive: true } } }))
      .run();
    expect(reasons(at)).toEqual(['edited row 0: column "alive" is disabled: it cannot be edited']);
    await editor(at)
      .setValue(diff({ editedRows: { "0": { born: 1816 } } }))
      .run();
    expect(reasons(at)).toEqual([]);
    expect(JSON.parse(shown(at)[0]!.slice("edited ".length))[0]).toEqual({
      name: "Ada",
      born: 1816,
      alive: false,
      team: "math",
    });
  });

  test("disabled: true refuses every edit", async () => {
    const at = await AppTest.fromApp(editingApp({ disabled: true })).run();
    expect(at.get("dataEditor")[0]!.props.rules.every((rules) => rules.disabled)).toBe(true);
    await editor(at)
      .setValue(diff({ editedRows: { "0": { born: 1816 } } }))
      .run();
    expect(reasons(at)).toEqual(['edited row 0: column "born" is disabled: it cannot be edited']);
  });

  test("an editor of empty columns starts with no rows and takes added ones as text", async () => {
    let out: unknown;
    const app = defineApp((st) => {
      out = st.dataEditor({ title: [], notes: [] }, { key: "todo", numRows: "dynamic" });
    });
    const at = await AppTest.fromApp(app).run();
    const props = at.get("dataEditor")[0]!.props;
    expect(props.rowCount).toBe(0);
    expect(props.batches).toEqual([]);
    expect(props.rules.map((rules) => rules.kind)).toEqual(["text", "text"]);
    await at
      .widget("dataEditor", { key: "todo" })
      .setValue(diff({ addedRows: [{ title: "first" }] }))
      .run();
    expect(reasons(at)).toEqual([]);
    expect(out).toEqual({ title: ["first"], notes: [null] });
  });

  test("bad options are clear errors", async () => {
    const at = await AppTest.fromApp(editingApp({ numRows: "many" as never })).run();
    expect(at.exceptions[0]!.props.message).toMatch(/numRows must be "fixed" or "dynamic"/);
    const bad = await AppTest.fromApp(
      editingApp({ columnConfig: { born: { type: "number", min: 0, default: -1 } } }),
    ).run();
    expect(bad.exceptions[0]!.props.message).toMatch(
      /columnConfig "born": the default does not fit: column "born" takes numbers from 0, got -1/,
    );
  });
});
