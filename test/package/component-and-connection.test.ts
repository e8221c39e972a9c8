// A component served from its folder (`path`) and a SQL connection whose driver
// the user installs, both from the packed tarball in a fresh CommonJS project:
// the folder is read from the user's project, the driver is found in the user's
// node_modules, and a missing driver is named in the page's error.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startInstalledCli } from "../helpers/installed-cli.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";

const work = copyInstalledProject();
afterAll(() => work.remove());

const APP = `import { declareComponent, defineApp } from "edgelit";

const probe = declareComponent("probe", { path: new URL("./probe", import.meta.url) });

export default defineApp(async (st) => {
  probe(st, { title: "Orders" }, { key: "probe", default: null });
  const shop = st.connection("shop", { type: "sql", url: "sqlite:///shop.db" });
  st.dataframe(await shop.query("select region, total from orders order by total"));
});
`;

async function openApp(): Promise<{ tab: EventClient; url: string; stop(): Promise<void> }> {
  const server = await startInstalledCli(work.path, {
    args: ["start", "app.ts", "--storage", "memory"],
  });
  const tab = new EventClient(server.url);
  await tab.send();
  expect(tab.last?.status).toBe(200);
  return { tab, url: server.url, stop: () => server.stop() };
}

test(
  "a component folder and a SQLite connection work from the installed package; without its driver the error names it",
  { timeout: 180_000 },
  async () => {
    const project = work.path;
    writeFileSync(join(project, "app.ts"), APP);
    mkdirSync(join(project, "probe"));
    writeFileSync(join(project, "probe/index.html"), "<!doctype html><p>probe frontend</p>\n");
    const db = createClient({ url: `file:${join(project, "shop.db")}` });
    await db.batch([
      "create table orders (region text, total real)",
      "insert into orders values ('EU', 10), ('US', 7), ('EU', 5.5)",
    ]);
    db.close();

    // No driver installed yet: the page's error says which one to install.
    const without = await openApp();
    try {
      const [error] = without.tab.elements("exception");
      expect(String(error?.message)).toMatch(/npm install @libsql\/client/);
      // The component's folder is served from the project all the same.
      const frontend = await fetch(`${without.url}/_edgelit/component/probe/index.html`);
      expect(frontend.status).toBe(200);
      expect(await frontend.text()).toContain("probe frontend");
    } finally {
      await without.stop();
    }

    execFileSync(
      "npm",
      ["install", "@libsql/client@0.18.0", "--prefer-offline", "--no-audit", "--no-fund"],
      { cwd: project, stdio: "pipe" },
    );
    const served = await openApp();
    try {
      expect(served.tab.elements("exception")).toEqual([]);
      const frames = served.tab.elements("dataframe");
      expect(frames).toMatchObject([
        { rowCount: 3, columns: [{ name: "region" }, { name: "total" }] },
      ]);
      expect(served.tab.elements("component")).toHaveLength(1);
    } finally {
      await served.stop();
    }
  },
);
