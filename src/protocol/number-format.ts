/**
 * Numbers as a printf-style `format` shows them, shared by the server (which
 * checks an app's format) and the page (which formats cells): one conversion
 * `%[flags][width][.precision](d|i|u|f|e|s)` with text around it ("$%.2f",
 * "%d units", "%,.1f" groups thousands, "%+d" shows the sign, "%%" a percent
 * sign), or one of the names "plain", "localized", "percent", "dollar",
 * "euro", "compact", "scientific".
 */

const NAMED_FORMATS = [
  "plain",
  "localized",
  "percent",
  "dollar",
  "euro",
  "compact",
  "scientific",
] as const;
const SPEC = /%([,+0 -]*)(\d+)?(?:\.(\d+))?([diufes])/g;

interface Conversion {
  flags: string;
  width: number;
  precision: number | undefined;
  kind: string;
}

/**
 * Why `format` is not a number format edgelit can show, or undefined when it is.
 * @example numberFormatProblem("%.2f") // undefined
 */
export function numberFormatProblem(format: string): string | undefined {
  if ((NAMED_FORMATS as readonly string[]).includes(format)) return undefined;
  const conversions = [...format.replaceAll("%%", "").matchAll(SPEC)];
  const stray = format.replaceAll("%%", "").replace(SPEC, "").includes("%");
  if (conversions.length !== 1 || stray)
    return (
      `"${format}" is not a number format: give one printf conversion such as "%d", "%.2f" ` +
      `or "$%,.2f", or one of ${NAMED_FORMATS.map((name) => `"${name}"`).join(", ")}`
    );
  return undefined;
}

/**
 * A number as `format` shows it (see the module's note); the number as it is
 * for a format it cannot read.
 * @example formatNumber(1234.5, "$%,.2f") // "$1,234.50"
 */
export function formatNumber(value: number | bigint, format: string): string {
  const named = namedFormat(Number(value), format);
  if (named !== undefined) return named;
  let done = false;
  return format.replace(
    /%%|%([,+0 -]*)(\d+)?(?:\.(\d+))?([diufes])/g,
    (match, flags, width, precision, kind) => {
      if (match === "%%") return "%";
      if (done) return match;
      done = true;
      return convert(value, {
        flags: flags ?? "",
        width: width === undefined ? 0 : Number(width),
        precision: precision === undefined ? undefined : Number(precision),
        kind,
      });
    },
  );
}

// --- Internal helpers ---

function namedFormat(value: number, format: string): string | undefined {
  const locale = undefined;
  switch (format) {
    case "plain":
      return String(value);
    case "localized":
      return value.toLocaleString(locale);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
        value,
      );
    case "dollar":
      return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(value);
    case "euro":
      return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(value);
    case "compact":
      return new Intl.NumberFormat(locale, { notation: "compact" }).format(value);
    case "scientific":
      return value.toExponential(4);
    default:
      return undefined;
  }
}

function convert(value: number | bigint, conversion: Conversion): string {
  const { flags, precision, kind } = conversion;
  const number = Number(value);
  let text: string;
  if (!Number.isFinite(number)) text = String(number);
  else if (kind === "d" || kind === "i" || kind === "u")
    text =
      typeof value === "bigint"
        ? (value < 0n ? -value : value).toString()
        : Math.abs(Math.trunc(number)).toString();
  else if (kind === "f") text = Math.abs(number).toFixed(precision ?? 6);
  else if (kind === "e") text = Math.abs(number).toExponential(precision ?? 6);
  else
    text = String(precision === undefined ? Math.abs(number) : Math.abs(number).toFixed(precision));
  if (flags.includes(",") && kind !== "e") text = groupThousands(text);
  const negative = typeof value === "bigint" ? value < 0n : number < 0 || Object.is(number, -0);
  const sign = negative ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const bare = sign + text;
  if (bare.length >= conversion.width) return bare;
  if (flags.includes("-")) return bare.padEnd(conversion.width);
  if (flags.includes("0")) return sign + text.padStart(conversion.width - sign.length, "0");
  return bare.padStart(conversion.width);
}

function groupThousands(digits: string): string {
  const [whole, fraction] = digits.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
