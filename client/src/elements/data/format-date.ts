const TOKENS = /YYYY|YY|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|ss|A|a|\[[^\]]*\]/g;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A UTC instant as `format` writes it, with the tokens YYYY YY MMMM MMM MM M
 * DD D HH H hh h mm ss A a (text in [brackets] as it is), or "iso8601" and
 * "localized" (the reader's locale).
 * @example formatDateTokens(Date.UTC(2024, 0, 2, 15, 4), "DD/MM/YYYY h:mm A") // "02/01/2024 3:04 PM"
 */
export function formatDateTokens(milliseconds: number, format: string): string {
  const date = new Date(milliseconds);
  if (format === "iso8601") return date.toISOString();
  if (format === "localized") return date.toLocaleString(undefined, { timeZone: "UTC" });
  const two = (value: number) => String(value).padStart(2, "0");
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const parts: Record<string, string> = {
    YYYY: String(date.getUTCFullYear()),
    YY: two(date.getUTCFullYear() % 100),
    MMMM: MONTHS[date.getUTCMonth()]!,
    MMM: MONTHS[date.getUTCMonth()]!.slice(0, 3),
    MM: two(date.getUTCMonth() + 1),
    M: String(date.getUTCMonth() + 1),
    DD: two(date.getUTCDate()),
    D: String(date.getUTCDate()),
    HH: two(hours),
    H: String(hours),
    hh: two(twelve),
    h: String(twelve),
    mm: two(date.getUTCMinutes()),
    ss: two(date.getUTCSeconds()),
    A: hours < 12 ? "AM" : "PM",
    a: hours < 12 ? "am" : "pm",
  };
  return format.replace(TOKENS, (token) =>
    token.startsWith("[") ? token.slice(1, -1) : (parts[token] ?? token),
  );
}
