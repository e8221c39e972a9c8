import { join } from "node:path";
import { createClient } from "@libsql/client";
import { tempDir } from "../helpers/processes.ts";
import { sqlConnectionSuite } from "./sql-connection-suite.ts";

/** st.connection on a SQLite file (libsql), shared by two replicas on Redis. */
sqlConnectionSuite(async () => {
  const dir = tempDir("edgelit-sqlite-");
  const file = join(dir.path, "shop.db");
  const db = createClient({ url: `file:${file}` });
  await db.batch([
    "create table orders (region text, total real)",
    "insert into orders values ('EU', 10), ('EU', 5.5), ('US', 7)",
    "create table query_log (region text)",
  ]);
  return {
    url: `sqlite:///${file}`,
    loggedQueries: async () =>
      Number((await db.execute("select count(*) as n from query_log")).rows[0]?.n),
    async close() {
      db.close();
      dir.remove();
    },
  };
});
