/**
 * A Material Symbols icon as a tab icon: drawn from the icon font on a canvas
 * (loaded on demand, as the font is), as a PNG data URL.
 *
 * @example link.href = await materialFavicon("rocket_launch");
 */
export async function materialFavicon(name: string): Promise<string> {
  const font = '56px "Material Symbols Rounded"';
  await document.fonts.load(font, name);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const context = canvas.getContext("2d");
  if (!context) return "data:,";
  context.font = font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillStyle =
    getComputedStyle(document.documentElement).getPropertyValue("--text-light") || "#31333f";
  context.fillText(name, 32, 34);
  return canvas.toDataURL("image/png");
}
