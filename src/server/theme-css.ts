import {
  RADIUS_NAMES,
  type ThemeFont,
  type ThemeFontFace,
  type ThemeOptions,
} from "../app/theme.ts";

const FONT_STACKS: Record<string, string> = {
  "sans-serif": 'system-ui, -apple-system, "Segoe UI", Roboto, "Source Sans Pro", sans-serif',
  serif: '"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif',
  monospace: 'ui-monospace, "SFMono-Regular", "Source Code Pro", Menlo, Consolas, monospace',
};

/**
 * The theme as CSS for the page's <style>: the client stylesheet's input
 * variables, overridden. Empty for an app without a theme. The values were
 * checked by `validateTheme`, so none can leave its declaration.
 *
 * @example
 * toThemeCss({ primaryColor: "#7c3aed", base: "dark" });
 * // ':root{color-scheme:dark;--primary:#7c3aed}'
 */
export function toThemeCss(theme: ThemeOptions | undefined): string {
  if (!theme) return "";
  const scheme = theme.base ?? "light";
  const declarations: string[] = [];
  if (theme.base) declarations.push(`color-scheme:${theme.base}`);
  if (theme.primaryColor) declarations.push(`--primary:${theme.primaryColor}`);
  if (theme.backgroundColor) declarations.push(`--bg-${scheme}:${theme.backgroundColor}`);
  if (theme.secondaryBackgroundColor)
    declarations.push(`--bg-soft-${scheme}:${theme.secondaryBackgroundColor}`);
  if (theme.textColor) declarations.push(`--text-${scheme}:${theme.textColor}`);
  if (theme.font) declarations.push(`--font:${toFontStack(theme.font)}`);
  if (theme.headingFont) declarations.push(`--heading-font:${toFontStack(theme.headingFont)}`);
  if (theme.codeFont) declarations.push(`--mono:${toFontStack(theme.codeFont)}`);
  if (theme.baseRadius)
    declarations.push(
      `--radius:${Object.hasOwn(RADIUS_NAMES, theme.baseRadius) ? RADIUS_NAMES[theme.baseRadius] : theme.baseRadius}`,
    );
  const rules = declarations.length > 0 ? [`:root{${declarations.join(";")}}`] : [];
  rules.push(...(theme.fontFaces ?? []).map(toFontFaceRule));
  return rules.join("\n");
}

function toFontStack(font: ThemeFont): string {
  return FONT_STACKS[font] ?? font;
}

function toFontFaceRule(face: ThemeFontFace): string {
  const parts = [`font-family:"${face.family}"`, `src:url("${face.url}")`, "font-display:swap"];
  if (face.weight !== undefined) parts.push(`font-weight:${face.weight}`);
  if (face.style) parts.push(`font-style:${face.style}`);
  return `@font-face{${parts.join(";")}}`;
}
