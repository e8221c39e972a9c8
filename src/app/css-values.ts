// Checks for the CSS values a theme may carry. Each accepts only a value that
// cannot leave its declaration: no ";", "}", "<", backslashes or unbalanced quotes.

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?(?:%|deg|grad|rad|turn)?|none`;
const COLOR_FUNCTION = new RegExp(
  String.raw`^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*(?:${NUMBER})(?:\s*[,/]?\s*(?:${NUMBER})){2,3}\s*\)$`,
  "i",
);
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** CSS's named colours (CSS Color 4), and `transparent`. */
const NAMED_COLORS = new Set(
  (
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
    "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray " +
    "darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
    "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
    "firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
    "hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
    "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
    "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue " +
    "mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred " +
    "midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid " +
    "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple " +
    "rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue " +
    "slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white " +
    "whitesmoke yellow yellowgreen transparent"
  ).split(" "),
);

/** True for a CSS colour: #hex, rgb()/hsl() (and hwb, lab, lch, oklab, oklch) with plain numbers, or a colour name. */
export function isCssColor(value: string): boolean {
  const trimmed = value.trim();
  return (
    HEX_COLOR.test(trimmed) ||
    COLOR_FUNCTION.test(trimmed) ||
    NAMED_COLORS.has(trimmed.toLowerCase())
  );
}

const FAMILY_NAME = String.raw`(?:"[^"\\;{}<>\n]*"|'[^'\\;{}<>\n]*'|[A-Za-z0-9_ .-]+)`;
const FONT_FAMILY_LIST = new RegExp(String.raw`^\s*${FAMILY_NAME}(?:\s*,\s*${FAMILY_NAME})*\s*$`);

/** True for a CSS font-family list, e.g. `"Inter", system-ui, sans-serif`. */
export function isFontFamilyList(value: string): boolean {
  return FONT_FAMILY_LIST.test(value);
}

/** True for one font family name as `@font-face` declares it: letters, digits, spaces, "-" and "_". */
export function isFontFamilyName(value: string): boolean {
  return /^[A-Za-z0-9_ -]+$/.test(value) && value.trim() !== "";
}

/** True for a CSS length in px, rem or em (e.g. "6px", "0.5rem"). */
export function isCssLength(value: string): boolean {
  return /^(?:\d+(?:\.\d+)?|\.\d+)(?:px|rem|em)$/.test(value) || value === "0";
}

/** True for a font file address: http(s), a path on this site, or a base64 `data:font/...` URL. */
export function isFontUrl(value: string): boolean {
  const plain = /^(?:https?:\/\/|\.{0,2}\/)[^\s"'()\\<>;{}]+$/;
  const inline =
    /^data:(?:font\/[a-z0-9.+-]+|application\/(?:font-woff2?|x-font-[a-z]+|octet-stream));base64,[A-Za-z0-9+/]+=*$/;
  return plain.test(value) || inline.test(value);
}

/** True for a `font-weight`: 1 to 1000, "normal", "bold", or a range like "100 900" for variable fonts. */
export function isFontWeight(value: string | number): boolean {
  const inRange = (text: string) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1000;
  const text = String(value).trim();
  if (text === "normal" || text === "bold") return true;
  const parts = text.split(/\s+/);
  return parts.length <= 2 && parts.every(inRange);
}
