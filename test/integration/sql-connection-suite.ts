import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

/** What a suite needs of one database: its URL, a way to count logged queries, and its secret. */
export interface SqlDatabase {
  url: string;
  /** Rows in query_log: how many times the query really ran. */
  loggedQueries(): Promise<number>;
  /** A string no page may show (the password). */
  secret?: string;
}

/**
 * st.connection across two `edgelit run` processes sharing a real Redis: the
 * query runs once between them per parameters, and a failing query draws an
 * error naming the connection, never the password.
 */
export function sqlConnectionSuite(open: () => Promise<SqlDatabase & { close(): Promise<void> }>) {
  let database: Awaited<ReturnType<typeof open>>;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let replicas: Awaited<ReturnType<typeof startEdgelit>>[] = [];

  beforeAll(async () => {
    database = await open();
    redis = await startRedis();
    const options = {
      app: "test/integration/fixtures/sql-connection-app.ts",
      storage: redis.url,
      env: { EDGELIT_SQL_URL: database.url },
    };
    replicas = await Promise.all([startEdgelit(options), startEdgelit(options)]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
    await database?.close();
  });

  const shownRows = (tab: EventClient) => {
    expect(tab.last?.status).toBe(200);
    return tab.elements("text").map((props) => props.body as string);
  };

  test("two replicas on Redis run a query once per parameters, and show its rows", async () => {
    const [a, b] = replicas.map((replica) => new EventClient(replica!.url));
    await a!.send();
    expect(shownRows(a!)).toEqual([JSON.stringify([{ region: "EU", total: 15.5 }])]);
    expect(a!.elements("dataframe")).toHaveLength(1);
    await b!.send();
    expect(shownRows(b!)).toEqual([JSON.stringify([{ region: "EU", total: 15.5 }])]);
    expect(await database.loggedQueries()).toBe(1);

    // Other parameters are another query, run once wherever it comes first.
    await b!.send([{ id: b!.widgetId("selectbox", "Region"), value: 1 }]);
    expect(shownRows(b!)).toEqual([JSON.stringify([{ region: "US", total: 7 }])]);
    await a!.send([{ id: a!.widgetId("selectbox", "Region"), value: 1 }]);
    expect(shownRows(a!)).toEqual([JSON.stringify([{ region: "US", total: 7 }])]);
    expect(await database.loggedQueries()).toBe(2);
  });

  test("a failing query shows an error naming the connection, without the password; the app goes on", async () => {
    const tab = new EventClient(replicas[1]!.url);
    await tab.send();
    await tab.send([{ id: tab.widgetId("checkbox", "Query a missing table"), value: true }]);
    expect(tab.last?.status).toBe(200);
    const [error] = tab.elements("exception");
    expect(error?.message).toMatch(
      /^st\.connection\("shop"\) \((sqlite|postgresql)\): .*no_such_table/,
    );
    if (database.secret) expect(JSON.stringify(tab.tree)).not.toContain(database.secret);
    await tab.send([{ id: tab.widgetId("checkbox", "Query a missing table"), value: false }]);
    expect(tab.elements("exception")).toEqual([]);
    expect(shownRows(tab)).toEqual([JSON.stringify([{ region: "EU", total: 15.5 }])]);
  });
}
