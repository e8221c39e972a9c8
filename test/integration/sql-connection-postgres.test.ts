import { startPostgres } from "../helpers/postgres.ts";
import { sqlConnectionSuite } from "./sql-connection-suite.ts";

/** st.connection on a real PostgreSQL server (pg), shared by two replicas on Redis. */
sqlConnectionSuite(async () => {
  const server = await startPostgres();
  await server.query("create table orders (region text, total double precision)");
  await server.query("insert into orders values ('EU', 10), ('EU', 5.5), ('US', 7)");
  await server.query("create table query_log (region text)");
  return {
    url: server.url,
    secret: server.password,
    loggedQueries: async () =>
      Number((await server.query("select count(*) as n from query_log"))[0]?.n),
    close: () => server.stop(),
  };
});
