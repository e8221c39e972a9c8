/** `st.connection`: databases opened once per process, whose query results are cached in the store. */
export { closeConnections, connection, type ConnectionOptions } from "./connection.ts";
export {
  connectionSecrets,
  setConnectionSecrets,
  type ConnectionSecrets,
} from "./connection-secrets.ts";
export { SqlConnection, type SqlQueryOptions } from "./sql-connection.ts";
export { SqlConnectionError } from "./sql-errors.ts";
export type { SqlConnectionSettings, SqlDialect } from "./sql-settings.ts";
