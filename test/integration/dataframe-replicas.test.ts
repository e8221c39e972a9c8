import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROUTES } from "../../src/protocol/index.ts";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

/**
 * Issue 15: two `edgelit run` replicas over one real Redis, requests of one
 * session alternating between them. A frame cached by one replica is shown
 * by the other from the same stored batches; reruns send no dataframe; every
 * batch is served by whichever replica is asked.
 */

const ROWS = 150_000; // three batches
const runsDir = tempDir("edgelit-frame-");
const runsFile = join(runsDir.path, "runs.txt");
let redisServer: Awaited<ReturnType<typeof startRedis>>;
let replicas: Awaited<ReturnType<typeof startEdgelit>>[] = [];

beforeAll(async () => {
  redisServer = await startRedis();
  const options = {
    app: "test/integration/fixtures/cached-frame-app.ts",
    storage: redisServer.url,
    env: { EDGELIT_CACHE_RUNS_FILE: runsFile, EDGELIT_FRAME_ROWS: String(ROWS) },
  };
  replicas = await Promise.all([startEdgelit(options), startEdgelit(options)]);
});

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redisServer?.stop();
  runsDir.remove();
});

const runs = () =>
  existsSync(runsFile) ? readFileSync(runsFile, "utf8").trim().split("\n").filter(Boolean) : [];
const sentKinds = (tab: EventClient) =>
  (tab.last?.messages ?? []).flatMap((message) =>
    message.type === "element" ? [message.kind] : [],
  );

test("a frame cached by one replica is shown by the other; reruns alternate replicas and send no dataframe; batches load from either", async () => {
  const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
  const tab = new EventClient(a.url);
  expect((await tab.send()).status).toBe(200);
  expect(runs()).toEqual([`${a.pid} ${ROWS}`]);
  const [grid] = tab.elements("dataframe") as { batches: string[]; rowCount: number }[];
  expect(grid!.rowCount).toBe(ROWS);
  expect(grid!.batches).toHaveLength(3);

  // Round robin: each click goes to the other replica; the frame is computed once in all.
  for (let click = 1; click <= 4; click++) {
    const replica = click % 2 === 1 ? b : a;
    tab.baseUrl = replica.url;
    const answer = await tab.send([{ id: tab.widgetId("button", "Elsewhere"), value: true }]);
    expect(answer.status).toBe(200);
    expect(tab.elements("markdown").map((props) => props.body)).toEqual([
      `clicks: ${click}, served by ${replica.pid}`,
    ]);
    expect(sentKinds(tab)).not.toContain("dataframe");
    expect((tab.elements("dataframe")[0] as { batches: string[] }).batches).toEqual(grid!.batches);
  }
  expect(runs()).toEqual([`${a.pid} ${ROWS}`]);

  // The grid's batches, from whichever replica answers, decode to the frame's rows.
  const names: string[] = [];
  for (const [index, id] of grid!.batches.entries()) {
    const response = await fetch(`${replicas[index % 2]!.url}${ROUTES.media}${id}`);
    expect(response.status).toBe(200);
    const batch = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    names.push(...(batch.getChild("name")!.toArray() as string[]));
  }
  expect(names).toHaveLength(ROWS);
  expect(names[0]).toBe("row 0");
  expect(names[ROWS - 1]).toBe(`row ${ROWS - 1}`);

  // A new session on replica B: shown from the cache, not computed again.
  const other = new EventClient(b.url);
  expect((await other.send()).status).toBe(200);
  expect((other.elements("dataframe")[0] as { batches: string[] }).batches).toEqual(grid!.batches);
  expect(runs()).toEqual([`${a.pid} ${ROWS}`]);
});
