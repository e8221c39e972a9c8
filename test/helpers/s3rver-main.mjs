// An S3-protocol server on loopback for tests: node s3rver-main.mjs <port> <directory> <bucket>.
// Prints "s3rver ready" once it serves; SIGTERM stops it.
import S3rver from "s3rver";

const [port, directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
await server.run();
console.log("s3rver ready");
process.on("SIGTERM", () => process.exit(0));
