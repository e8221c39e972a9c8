import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEdgelit } from "../helpers/processes.ts";

/**
 * Requests refused before any route sees them (a malformed URL, a method no
 * route takes) are the client's mistake: the server's log gets one line for
 * each, not a stack trace.
 */

let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  server = await startEdgelit({ command: "start" });
});
afterAll(async () => {
  await server?.stop();
});

/** Sends `path` exactly as written (fetch would normalize it) and gives the status. */
function rawRequest(method: string, path: string): Promise<number> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${server.url}${path}`, { method }, (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode!));
    });
    request.on("error", fail);
    request.end();
  });
}

/** What the server logs while `action` runs, once the log has settled. */
async function loggedDuring(action: () => Promise<unknown>): Promise<string[]> {
  const before = server.output().length;
  await action();
  await new Promise((done) => setTimeout(done, 300));
  return server
    .output()
    .slice(before)
    .split("\n")
    .filter((line) => line.trim() !== "");
}

test("a malformed URL is answered 400 and logged in one line", async () => {
  let status = 0;
  const lines = await loggedDuring(async () => (status = await rawRequest("GET", "/%E0%A4%A")));
  expect(status).toBe(400);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[edgelit\] 400 .*%E0%A4%A/);
});

test("a method no route takes is answered 404 and logged in one line", async () => {
  let status = 0;
  const lines = await loggedDuring(async () => (status = await rawRequest("DELETE", "/page")));
  expect(status).toBe(404);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[edgelit\] 404 .*\/page/);
});
