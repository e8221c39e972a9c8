import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { defineApp, type AppOptions } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";

const INDEX_HTML = readFileSync(resolve(import.meta.dirname, "../../../client/index.html"), "utf8");
const assets = async (pathname: string) =>
  pathname === "/index.html" ? new Response(INDEX_HTML) : undefined;

/** The first HTML a browser gets for an app with these options. */
async function firstHtml(options: AppOptions): Promise<Document> {
  const server = createServer({
    app: defineApp(() => {}, options),
    storage: createStorage(),
    assets,
  });
  const response = await server.fetch(new Request("http://app.test/"));
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

test("the first HTML has the app's title, its emoji as an SVG tab icon, and its layout", async () => {
  const html = await firstHtml({ title: "Sales <2026>", icon: "📈", layout: "wide" });
  expect(html.title).toBe("Sales <2026>");
  const icon = html.iconHref!;
  expect(icon.startsWith("data:image/svg+xml,")).toBe(true);
  expect(decodeURIComponent(icon.slice("data:image/svg+xml,".length))).toContain(">📈</text>");
  expect(html.layout).toBe("wide");
  expect(html.config).toMatchObject({ title: "Sales <2026>", icon: "📈", layout: "wide" });
});

test("an image URL is the tab icon as it is; without options the page is centered with no icon", async () => {
  expect((await firstHtml({ icon: "/static/logo.png" })).iconHref).toBe("/static/logo.png");
  const plain = await firstHtml({});
  expect(plain.title).toBe("edgelit");
  expect(plain.iconHref).toBe("data:,");
  expect(plain.layout).toBe("centered");
});

test("a Material icon leaves the tab icon to the page, which draws it from the icon font", async () => {
  const html = await firstHtml({
    icon: ":material/rocket_launch:",
    initialSidebarState: "collapsed",
  });
  expect(html.iconHref).toBe("data:,");
  expect(html.config).toMatchObject({
    icon: ":material/rocket_launch:",
    initialSidebarState: "collapsed",
  });
});

// --- Internal helpers ---

interface Document {
  title: string;
  iconHref: string | undefined;
  layout: string | undefined;
  config: Record<string, unknown>;
}

/** Reads what the tests look at from the HTML, decoding entities as a browser would. */
function parseHtml(text: string): Document {
  const decode = (value: string) =>
    value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const links = [...text.matchAll(/<link rel="icon" href="([^"]*)"/g)];
  expect(links).toHaveLength(1);
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(text)![1]!),
    iconHref: links[0] ? decode(links[0][1]!) : undefined,
    layout: /<html[^>]* data-layout="([^"]*)"/.exec(text)?.[1],
    config: JSON.parse(
      /<script type="application\/json" id="edgelit-config">([\s\S]*?)<\/script>/.exec(text)![1]!,
    ),
  };
}
