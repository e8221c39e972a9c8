import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { checkIcon } from "../../../src/elements/icons/icon-option.ts";
import { MATERIAL_ICON_NAMES } from "../../../src/elements/icons/material-icon-names.ts";
import { defineApp, page } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const draw = (script: Parameters<typeof defineApp>[0]) => AppTest.fromApp(defineApp(script)).run();

/** The message of the error box a wrong API call leaves in the page. */
async function apiError(script: Parameters<typeof defineApp>[0]): Promise<string> {
  const at = await draw(script);
  expect(at.exceptions.map((e) => e.props.name)).toEqual(["EdgelitApiError"]);
  return at.exceptions[0]!.props.message;
}

test("every element with an icon option sends it as given", async () => {
  const at = await draw((st) => {
    st.button("Like", { icon: ":material/thumb_up:" });
    st.button("Plain");
    st.downloadButton("Save", "text", { icon: "💾" });
    st.linkButton("Docs", "https://example.com", { icon: ":material/open_in_new:" });
    st.info("Tip", { icon: ":material/lightbulb:" });
    st.error("Oops", { icon: "🚨" });
    st.toast("Saved", { icon: ":material/check_circle:" });
    st.badge("New", { icon: ":material/star:" });
    st.expander("More", { icon: ":material/expand_more:" });
    st.popover("Settings", { icon: ":material/settings:" });
    st.pageLink("https://example.com", { label: "Out", icon: ":material/link:" });
    st.chatMessage("assistant", { avatar: ":material/smart_toy:" });
    st.chatMessage("user", { avatar: "J" });
    const form = st.form("f");
    form.formSubmitButton("Send", { icon: ":material/send:" });
  });
  expect(at.exceptions.map((e) => e.props.message)).toEqual([]);
  expect(at.button("Like").props.icon).toBe(":material/thumb_up:");
  expect(at.button("Plain").props).not.toHaveProperty("icon");
  expect(at.downloadButton("Save").props.icon).toBe("💾");
  expect(at.formSubmitButton("Send").props.icon).toBe(":material/send:");
  expect(at.get("linkButton")[0]!.props.icon).toBe(":material/open_in_new:");
  expect(at.get("alert").map((e) => e.props.icon)).toEqual([":material/lightbulb:", "🚨"]);
  expect(at.get("toast")[0]!.props.icon).toBe(":material/check_circle:");
  expect(at.get("badge")[0]!.props.icon).toBe(":material/star:");
  expect(at.get("expander")[0]!.props.icon).toBe(":material/expand_more:");
  expect(at.get("popover")[0]!.props.icon).toBe(":material/settings:");
  expect(at.get("pageLink")[0]!.props.icon).toBe(":material/link:");
  expect(at.get("chatMessage").map((e) => e.props.avatar)).toEqual([":material/smart_toy:", "J"]);
});

test("a page's icon is checked and shown in the menu", async () => {
  const home = page((st) => void st.write("home"), { title: "Home", icon: ":material/home:" });
  const at = await draw((st) => void st.navigation([home]).run(st));
  expect(at.get("navigation")[0]!.props.sections[0]!.pages[0]!.icon).toBe(":material/home:");
  expect(() => page(() => {}, { title: "Bad", icon: "home" })).toThrow(
    /^page\(\): icon must be one emoji or ":material\/icon_name:"; got "home"/,
  );
});

test("a button's icon is part of its identity, so two same-label buttons with different icons do not clash", async () => {
  const at = await draw((st) => {
    st.button("Go", { icon: "🚀" });
    st.button("Go", { icon: ":material/rocket:" });
  });
  expect(at.exceptions).toEqual([]);
  const [first, second] = at.get("button");
  expect(first!.props.id).not.toBe(second!.props.id);
});

test("the icon check takes one emoji or a known Material icon and names the command otherwise", () => {
  for (const good of ["🔥", "⚙️", "🇳🇴", "1️⃣", "👩‍💻", ":material/thumb_up:", ":material/123:"])
    expect(checkIcon("st.info", good)).toBe(good);
  expect(checkIcon("st.info", undefined)).toBeUndefined();
  for (const bad of ["fire", "🔥🔥", "a", "", " ", ":material/Thumb Up:", ":smile:", 7, null]) {
    expect(() => checkIcon("st.info", bad)).toThrow(
      /^st\.info: icon must be one emoji or ":material\/icon_name:"; got /,
    );
  }
  expect(() => checkIcon("st.info", ":material/not_an_icon:")).toThrow(
    /^st\.info: "not_an_icon" is not a Material Symbols icon name; pick one from https:\/\/fonts\.google\.com\/icons/,
  );
});

test("a bad icon is refused with an EdgelitApiError naming the command, wherever it is given", async () => {
  expect(await apiError((st) => void st.button("x", { icon: "go" }))).toMatch(
    /^st\.button: icon must be one emoji/,
  );
  expect(
    await apiError((st) => void st.downloadButton("x", "data", { icon: ":material/nope_nope:" })),
  ).toMatch(/^st\.downloadButton: "nope_nope" is not a Material/);
  expect(
    await apiError((st) => void st.linkButton("x", "https://example.com", { icon: "📖📖" })),
  ).toMatch(/^st\.linkButton: icon must be/);
  expect(await apiError((st) => void st.warning("x", { icon: "!" }))).toMatch(
    /^st\.warning: icon must be/,
  );
  expect(await apiError((st) => void st.success("x", { icon: ":material/yay:" }))).toMatch(
    /^st\.success: "yay" is not/,
  );
  expect(await apiError((st) => void st.toast("x", { icon: "ok" }))).toMatch(
    /^st\.toast: icon must be/,
  );
  expect(await apiError((st) => void st.expander("x", { icon: ":material/nope_nope:" }))).toMatch(
    /^st\.expander: "nope_nope" is not/,
  );
  expect(
    await apiError((st) => void st.pageLink("https://example.com", { label: "x", icon: "link" })),
  ).toMatch(/^st\.pageLink: icon must be/);
  expect(
    await apiError((st) => void st.chatMessage("ai", { avatar: ":material/robot_face_x:" })),
  ).toMatch(/^st\.chatMessage: "robot_face_x" is not/);
  expect(await apiError((st) => void st.form("f").formSubmitButton("x", { icon: "send" }))).toMatch(
    /^st\.formSubmitButton: icon must be/,
  );
});

test("the Material icon names are the font's: the package's list and the older names it still draws", () => {
  const declarations = readFileSync(
    new URL("../../../node_modules/material-symbols/index.d.ts", import.meta.url),
    "utf8",
  );
  const listed = [...declarations.matchAll(/"([a-z0-9_]+)"/g)].map((match) => match[1]!);
  expect(listed.length).toBeGreaterThan(3000);
  expect(listed.filter((name) => !MATERIAL_ICON_NAMES.has(name))).toEqual([]);
  for (const older of ["expand_more", "done"]) expect(MATERIAL_ICON_NAMES.has(older)).toBe(true);
  // Read from the font's ligatures: the list must be rewritten when material-symbols is upgraded.
  const check = spawnSync(
    process.execPath,
    [
      fileURLToPath(new URL("../../../scripts/material-icon-names.mjs", import.meta.url)),
      "--check",
    ],
    { encoding: "utf8" },
  );
  expect(check.stdout).toContain("is current");
  expect(check.status).toBe(0);
});
