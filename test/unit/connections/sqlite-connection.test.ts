import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import type { Table } from "apache-arrow";
import { afterAll, beforeAll, expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { closeConnections } from "../../../src/connections/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** st.connection on SQLite (libsql), through AppTest: parameters, the cache, a failing query. */

const folder = mkdtempSync(join(tmpdir(), "edgelit-sqlite-"));
const file = join(folder, "shop.db");

beforeAll(async () => {
  const db = createClient({ url: `file:${file}` });
  await db.batch([
    "create table orders (id integer primary key, region text, total real)",
    "insert into orders (region, total) values ('EU', 10), ('EU', 5.5), ('US', 7)",
    "create table log (at integer)",
  ]);
  db.close();
});

afterAll(async () => {
  await closeConnections();
  rmSync(folder, { recursive: true, force: true });
});

const rowsOf = (table: Table) => table.toArray().map((row) => ({ ...row.toJSON() }));

test("a query with parameters shows its rows in st.dataframe; the settings come from the options or the secrets", async () => {
  const app = defineApp(async (st) => {
    const region = st.selectbox("Region", ["EU", "US"]);
    const fromOptions = st.connection("shop", { type: "sql", url: `sqlite:///${file}` });
    const rows = await fromOptions.query(
      "select region, total from orders where region = ? order by total",
      {
        params: [region],
      },
    );
    st.dataframe(rows);
    st.text(JSON.stringify(rowsOf(rows)));
    const fromSecrets = st.connection("books");
    const [count] = rowsOf(await fromSecrets.query("select count(*) as n from orders"));
    st.text(`orders: ${String(count?.n)}`);
  });
  const at = await AppTest.fromApp(app, {
    connections: { books: { type: "sql", url: `file:${file}` } },
  }).run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("text").map((text) => text.props.body)).toEqual([
    JSON.stringify([
      { region: "EU", total: 5.5 },
      { region: "EU", total: 10 },
    ]),
    "orders: 3",
  ]);
  expect(at.get("dataframe")[0]?.props.columns.map((column) => column.name)).toEqual([
    "region",
    "total",
  ]);
  await at.selectbox("Region").setValue("US").run();
  expect(at.get("text")[0]?.props.body).toBe(JSON.stringify([{ region: "US", total: 7 }]));
});

test("the same query runs once: later runs and sessions read its result from the cache", async () => {
  const app = defineApp(async (st) => {
    const db = st.connection("counted", { type: "sql", url: `file:${file}` });
    // A query with a side effect, to count how often it really runs.
    const [row] = rowsOf(
      await db.query("insert into log (at) values (?) returning rowid as n", {
        params: [1],
      }),
    );
    st.text(`run ${String(row?.n)}`);
  });
  const first = await AppTest.fromApp(app).run();
  await first.run();
  const second = await AppTest.fromApp(app).run();
  for (const at of [first, second]) expect(at.get("text")[0]?.props.body).toBe("run 1");
  const db = createClient({ url: `file:${file}` });
  expect((await db.execute("select count(*) as n from log")).rows[0]?.n).toBe(1);
  db.close();
});

test("a failing query draws an error that names the connection and not its password; the app runs on", async () => {
  const app = defineApp(async (st) => {
    const db = st.connection("broken", {
      type: "sql",
      url: `file:${file}`,
      password: "s3cret_pass",
    });
    if (st.checkbox("Query the missing table")) {
      await db.query("select * from s3cret_pass_missing");
    }
    st.text("still here");
  });
  const at = await AppTest.fromApp(app).run();
  await at.checkbox("Query the missing table").setValue(true).run();
  const [error] = at.exceptions;
  expect(error?.props.message).toMatch(/^st\.connection\("broken"\) \(sqlite\): .*no such table/);
  expect(JSON.stringify(at.elements)).not.toContain("s3cret_pass");
  await at.checkbox("Query the missing table").setValue(false).run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("text").map((text) => text.props.body)).toEqual(["still here"]);
});

test("ttl 0 runs the query on every call, caching nothing", async () => {
  const app = defineApp(async (st) => {
    const db = st.connection("uncached", { type: "sql", url: `file:${file}`, ttl: 0 });
    const [row] = rowsOf(
      await db.query("insert into log (at) values (?) returning rowid as n", { params: [2] }),
    );
    st.text(`row ${String(row?.n)}`);
  });
  const at = await AppTest.fromApp(app).run();
  const firstRow = Number(String(at.get("text")[0]?.props.body).slice(4));
  await at.run();
  expect(at.get("text")[0]?.props.body).toBe(`row ${firstRow + 1}`);
});

test("st.connection reads [connections.<name>] of st.secrets, as a Streamlit secrets.toml holds it", async () => {
  const app = defineApp(async (st) => {
    const shop = st.connection("ledger");
    const [count] = rowsOf(await shop.query("select count(*) as n from orders"));
    st.text(`orders: ${String(count?.n)}`);
  });
  const at = AppTest.fromApp(app);
  at.secrets = { connections: { ledger: { type: "sql", url: `sqlite:///${file}` } } };
  await at.run();
  expect(at.get("exception")).toEqual([]);
  expect(at.get("text").map((e) => e.props.body)).toEqual(["orders: 3"]);
});
