import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { describe, expect, test, vi } from "vitest";
import { createWorker } from "../../../adapters/cloudflare/index.ts";
import { defineApp, EdgelitApiError, type ThemeOptions } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { toThemeCss } from "../../../src/server/theme-css.ts";

// The adapter's Durable Object store imports the Workers runtime, which Node lacks.
vi.mock("cloudflare:workers", () => ({ DurableObject: class {} }));

const INDEX_HTML = readFileSync(resolve(import.meta.dirname, "../../../client/index.html"), "utf8");
const assets = async (pathname: string) =>
  pathname === "/index.html" ? new Response(INDEX_HTML) : undefined;

const themed = (theme: ThemeOptions) => defineApp((st) => st.title("Themed"), { theme });
const refusal = (theme: unknown) => {
  try {
    defineApp(() => {}, { theme: theme as ThemeOptions });
  } catch (error) {
    expect(error).toBeInstanceOf(EdgelitApiError);
    return (error as Error).message;
  }
  throw new Error("defineApp accepted the theme");
};

async function pageOf(theme: ThemeOptions | undefined): Promise<string> {
  const app = defineApp((st) => st.title("Themed"), { title: "Themed", theme });
  const server = createServer({ app, storage: createStorage(), assets });
  const response = await server.fetch(new Request("http://app.test/"));
  expect(response.status).toBe(200);
  return response.text();
}

describe("defineApp checks the theme", () => {
  test("accepts every colour form, font form and radius Streamlit users write", () => {
    for (const color of [
      "#f0a",
      "#ff00aa",
      "#ff00aa80",
      "rgb(255, 0, 170)",
      "rgba(255,0,170,0.5)",
      "rgb(255 0 170 / 50%)",
      "hsl(300, 100%, 50%)",
      "hsl(300deg 100% 50%)",
      "oklch(0.7 0.2 330)",
      "RebeccaPurple",
    ]) {
      expect(() => themed({ primaryColor: color })).not.toThrow();
    }
    for (const font of [
      "sans-serif",
      "serif",
      "monospace",
      '"Inter", system-ui, sans-serif',
      "'Fira Code', monospace",
      "Georgia",
    ]) {
      expect(() => themed({ font, headingFont: font, codeFont: font })).not.toThrow();
    }
    for (const radius of ["none", "small", "medium", "large", "full", "6px", "0.75rem", "0"]) {
      expect(() => themed({ baseRadius: radius })).not.toThrow();
    }
    expect(() =>
      themed({
        fontFaces: [
          {
            family: "Inter",
            url: "https://fonts.example/inter.woff2",
            weight: "100 900",
            style: "normal",
          },
          { family: "Mono", url: "/fonts/mono.woff2", weight: 400 },
        ],
      }),
    ).not.toThrow();
  });

  test("refuses values that are not colours, with the option's name and what it takes", () => {
    expect(refusal({ primaryColor: "blurple" })).toBe(
      'theme.primaryColor must be a CSS colour (#rrggbb, rgb(), hsl() or a colour name); got "blurple".',
    );
    expect(refusal({ textColor: "#12345" })).toMatch(/^theme\.textColor must be a CSS colour/);
    expect(refusal({ backgroundColor: "rgb(1, 2)" })).toMatch(
      /^theme\.backgroundColor must be a CSS colour/,
    );
    expect(refusal({ secondaryBackgroundColor: 255 })).toMatch(
      /^theme\.secondaryBackgroundColor must be a CSS colour/,
    );
  });

  test("refuses anything that could break out into the page's CSS or HTML", () => {
    const attempts: ThemeOptions[] = [
      { primaryColor: "red;} body{display:none" },
      { primaryColor: "red</style><script>alert(1)</script>" },
      { backgroundColor: "rgb(0,0,0);--x:1" },
      { textColor: "var(--bg)" },
      { font: "Inter; } body { display: none" },
      { font: '"Inter, sans-serif' },
      { headingFont: "Inter</style><script>alert(1)</script>" },
      { codeFont: "a\\62 c" },
      { baseRadius: "4px;color:red" },
      { baseRadius: "calc(1px + 1px)" },
      { fontFaces: [{ family: "Inter", url: 'https://x/a.woff2");}body{display:none' }] },
      { fontFaces: [{ family: 'In"ter', url: "https://x/a.woff2" }] },
      { fontFaces: [{ family: "Inter", url: "javascript:alert(1)" }] },
      { fontFaces: [{ family: "Inter", url: "https://x/a.woff2", weight: "400;color:red" }] },
    ];
    for (const theme of attempts) expect(refusal(theme)).toMatch(/^theme\./);
  });

  test("refuses unknown options and a bad base, naming what exists", () => {
    expect(refusal({ primarycolor: "red" })).toMatch(
      /^theme has no option "primarycolor"; the options are base, primaryColor, /,
    );
    expect(refusal({ base: "sepia" })).toBe(
      'theme.base must be "light" or "dark" (or omitted, to follow the system); got "sepia".',
    );
    expect(refusal("dark")).toMatch(/^theme must be an object/);
    expect(refusal({ fontFaces: { family: "Inter" } })).toMatch(
      /^theme\.fontFaces must be an array/,
    );
    expect(
      refusal({ fontFaces: [{ family: "Inter", url: "https://x/a.woff2", style: "slanted" }] }),
    ).toBe('theme.fontFaces[0].style must be "normal", "italic" or "oblique"; got "slanted".');
  });
});

describe("the page carries the theme", () => {
  test("as CSS variables in a <style> after the client's stylesheet, so the first paint is themed", async () => {
    const html = await pageOf({
      primaryColor: "#7c3aed",
      backgroundColor: "#fdfbff",
      textColor: "rgb(20, 20, 40)",
      font: "serif",
      baseRadius: "large",
    });
    const style = html.match(/<style id="edgelit-theme">([^<]*)<\/style>/)?.[1];
    expect(style).toBe(
      ':root{--primary:#7c3aed;--bg-light:#fdfbff;--text-light:rgb(20, 20, 40);--font:"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif;--radius:1rem}',
    );
    expect(html.indexOf('<style id="edgelit-theme">')).toBeLessThan(html.indexOf("</head>"));
    expect(html).toMatch(/<script type="application\/json" id="edgelit-config">\{"title":"Themed"/);
  });

  test("a dark base fixes the colour scheme and colours the dark palette; the config tells the menu", async () => {
    const html = await pageOf({
      base: "dark",
      primaryColor: "teal",
      backgroundColor: "#101820",
      secondaryBackgroundColor: "#1c2630",
    });
    expect(html).toContain(
      '<style id="edgelit-theme">:root{color-scheme:dark;--primary:teal;--bg-dark:#101820;--bg-soft-dark:#1c2630}</style>',
    );
    expect(html).toContain('"themeBase":"dark"');
  });

  test("font files become @font-face rules", () => {
    const css = toThemeCss({
      font: '"Inter", sans-serif',
      fontFaces: [
        {
          family: "Inter",
          url: "https://fonts.example/inter.woff2",
          weight: "100 900",
          style: "italic",
        },
      ],
    });
    expect(css).toBe(
      ':root{--font:"Inter", sans-serif}\n@font-face{font-family:"Inter";src:url("https://fonts.example/inter.woff2");font-display:swap;font-weight:100 900;font-style:italic}',
    );
  });

  test("an app without a theme gets no <style>, and the page follows the system", async () => {
    const html = await pageOf(undefined);
    expect(html).not.toContain('edgelit-theme">');
    expect(html).not.toContain("themeBase");
  });

  test("the Cloudflare Worker serves the same themed page", async () => {
    const app = themed({ primaryColor: "#7c3aed" });
    const worker = createWorker({ app, storage: () => createStorage() });
    const env = {
      ASSETS: {
        fetch: async (request: Request) =>
          new URL(request.url).pathname === "/index.html"
            ? new Response(INDEX_HTML)
            : new Response("", { status: 404 }),
      },
    };
    const html = await (await worker.fetch(new Request("https://app.example/"), env)).text();
    expect(html).toContain('<style id="edgelit-theme">:root{--primary:#7c3aed}</style>');
  });
});
