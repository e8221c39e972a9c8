import { expect, test } from "vitest";
import { renderInlineMarkdown, renderMarkdown } from "../../../client/src/rich/markdown.ts";
import { splitHighlightedLines } from "../../../client/src/rich/highlight.ts";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const draw = (script: Parameters<typeof defineApp>[0]) => AppTest.fromApp(defineApp(script)).run();

/** The message of the error box a wrong API call leaves in the page. */
async function apiError(script: Parameters<typeof defineApp>[0]): Promise<string> {
  const at = await draw(script);
  expect(at.exceptions.map((e) => e.props.name)).toEqual(["EdgelitApiError"]);
  return at.exceptions[0]!.props.message;
}

test("latex, html and badge send their body, help, colour and icon", async () => {
  const at = await draw((st) => {
    st.latex(String.raw`e^{i\pi} + 1 = 0`, { help: "Euler" });
    st.html("<b>bold</b><script>alert(1)</script>");
    st.badge("New");
    st.badge("Done", { color: "grey", icon: ":material/check:" });
    st.badge("Hot", { color: "red", icon: "🔥" });
  });
  expect(at.elements.map((e) => [e.kind, e.props])).toEqual([
    ["latex", { body: String.raw`e^{i\pi} + 1 = 0`, help: "Euler" }],
    // The body travels as given: the browser sanitizes it (see test/e2e/text.test.ts).
    ["html", { body: "<b>bold</b><script>alert(1)</script>" }],
    ["badge", { label: "New", color: "blue" }],
    ["badge", { label: "Done", color: "gray", icon: ":material/check:" }],
    ["badge", { label: "Hot", color: "red", icon: "🔥" }],
  ]);
});

test("a badge refuses an unknown colour or an icon that is not one emoji or a Material icon", async () => {
  expect(await apiError((st) => st.badge("x", { color: "pink" as "red" }))).toMatch(
    /^st\.badge: color must be one of blue, green, .*; got "pink"/,
  );
  expect(await apiError((st) => st.badge("x", { icon: "two words" }))).toMatch(
    /^st\.badge: icon must be one emoji or ":material\/icon_name:"/,
  );
  expect(await apiError((st) => st.badge("x", { icon: ":material/Bad Name:" }))).toMatch(
    /icon must be one emoji/,
  );
});

test("help goes with headings, markdown, caption, text and latex; an empty help is left out", async () => {
  const at = await draw((st) => {
    st.title("T", { help: "title help" });
    st.header("H", { help: "" });
    st.markdown("m", { help: "markdown help" });
    st.caption("c", { help: "caption help", unsafeAllowHtml: true });
    st.text("t", { help: "text help" });
  });
  expect(at.elements.map((e) => e.props)).toEqual([
    { level: 1, body: "T", help: "title help" },
    { level: 2, body: "H" },
    { body: "m", help: "markdown help" },
    { body: "c", allowHtml: true, help: "caption help" },
    { body: "t", help: "text help" },
  ]);
});

test("code sends wrapLines and height, and refuses a height that is not a positive number", async () => {
  const at = await draw((st) =>
    st.code("print(1)", { language: "python", wrapLines: true, height: 120 }),
  );
  expect(at.get("code")[0]!.props).toEqual({
    body: "print(1)",
    language: "python",
    wrapLines: true,
    height: 120,
  });
  expect(await apiError((st) => st.code("x", { height: -5 }))).toBe(
    "st.code: height must be a positive number of pixels; got -5.",
  );
});

test("labelVisibility reaches every widget through baseProps; visible is the default and is not sent", async () => {
  const at = await draw((st) => {
    st.textInput("Name", { labelVisibility: "collapsed" });
    st.slider("Level", { labelVisibility: "hidden" });
    st.checkbox("Agree", { labelVisibility: "visible" });
    st.selectbox("Pick", ["a", "b"], { labelVisibility: "collapsed" });
    st.radio("One", ["a", "b"], { labelVisibility: "hidden" });
  });
  expect(
    at.elements.map((e) => [e.kind, (e.props as { labelVisibility?: string }).labelVisibility]),
  ).toEqual([
    ["textInput", "collapsed"],
    ["slider", "hidden"],
    ["checkbox", undefined],
    ["selectbox", "collapsed"],
    ["radio", "hidden"],
  ]);
  expect(
    await apiError((st) => void st.textInput("Name", { labelVisibility: "gone" as "hidden" })),
  ).toBe('widget "Name": labelVisibility must be "visible", "hidden" or "collapsed"; got "gone".');
});

test("markdown draws Streamlit's colour, background and badge directives, nested markdown included", () => {
  expect(
    renderInlineMarkdown(
      ":red[**hot**] and :blue-background[calm] and :green-badge[ok] and :grey[dim]",
    ),
  ).toBe(
    '<span class="md-color md-color-red"><strong>hot</strong></span> and ' +
      '<span class="md-background md-background-blue">calm</span> and ' +
      '<span class="badge badge-green">ok</span> and <span class="md-color md-color-gray">dim</span>',
  );
  expect(renderInlineMarkdown(":rainbow[wow] :pink[no] :red[open")).toBe(
    '<span class="md-color md-color-rainbow">wow</span> :pink[no] :red[open',
  );
  // Raw HTML inside a directive is still shown as text.
  expect(renderInlineMarkdown(":red[<img src=x onerror=alert(1)>]")).toBe(
    '<span class="md-color md-color-red">&lt;img src=x onerror=alert(1)&gt;</span>',
  );
});

test("markdown turns emoji shortcodes and Material icons into characters and icon spans; unknown codes stay", () => {
  expect(renderInlineMarkdown(":smile: :rocket: :+1: :not_an_emoji: 10:30:00")).toBe(
    "😄 🚀 👍 :not_an_emoji: 10:30:00",
  );
  expect(renderInlineMarkdown("Done :material/check_circle:")).toBe(
    'Done <span class="material-icon" aria-hidden="true" translate="no">check_circle</span>',
  );
  expect(renderInlineMarkdown("See https://example.com:8080/a:b:")).toContain(
    'href="https://example.com:8080/a:b"',
  );
});

test("markdown leaves math as placeholders for KaTeX: $inline$, $$display$$, but not prices or code", () => {
  expect(renderInlineMarkdown(String.raw`Area $\pi r^2$ costs $5 or $10.`)).toBe(
    String.raw`Area <span class="math">\pi r^2</span> costs $5 or $10.`,
  );
  expect(renderMarkdown("Sum:\n\n$$\n\\sum_i x_i < 1\n$$\n\nafter")).toBe(
    '<p>Sum:</p>\n<div class="math math-display">\\sum_i x_i &lt; 1</div><p>after</p>\n',
  );
  expect(renderInlineMarkdown("`$x$` and \\$y$")).toBe("<code>$x$</code> and $y$");
});

test("markdown without allowHtml shows raw HTML as text; with it, the HTML is left for the client's sanitizer", () => {
  expect(renderMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;");
  expect(renderMarkdown("<b>raw</b>", true)).toBe("<p><b>raw</b></p>\n");
});

test("highlighted lines stay balanced when a token spans a line break", () => {
  const html = 'a <span class="hljs-comment">/* one\ntwo */</span> b\nc';
  expect(splitHighlightedLines(html)).toEqual([
    'a <span class="hljs-comment">/* one</span>',
    '<span class="hljs-comment">two */</span> b',
    "c",
  ]);
});
