import type { Transport } from "../protocol/index.ts";

/**
 * One config key: what a valid value is, how it is checked in a config file and read from the
 * text of a flag or an environment variable, and what it is for (shown by `--help`).
 */
export interface ConfigKey<Value> {
  /** A valid value in words, for errors: "a port number (0-65535)". */
  expected: string;
  /** What the key sets, for `--help`. */
  about: string;
  /** The default as shown to people. */
  shownDefault: string;
  /** True when `value` is valid. */
  check(value: unknown): value is Value;
  /** A secret: errors say how long a wrong value was, never what it was. */
  secret?: true;
  /** The value written as `text` (a flag's or an environment variable's), or undefined. */
  parse(text: string): Value | undefined;
}

/** A whole number from `min` to `max`. */
export function wholeNumber(
  range: { min: number; max?: number; unit: string },
  about: string,
  shownDefault: string,
): ConfigKey<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = range;
  const check = (value: unknown): value is number =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  const bounds = range.max === undefined ? `at least ${min}` : `${min}-${max}`;
  return {
    expected: `a whole number of ${range.unit} (${bounds})`,
    about,
    shownDefault,
    check,
    parse: (text) => (/^\d+$/.test(text.trim()) && check(Number(text)) ? Number(text) : undefined),
  };
}

/** A port number, 0 (any free port) to 65535. */
export function portNumber(about: string, shownDefault: string): ConfigKey<number> {
  const key = wholeNumber({ min: 0, max: 65535, unit: "" }, about, shownDefault);
  return { ...key, expected: "a port number (0-65535)" };
}

/** A string that is not empty. */
export function text(about: string, shownDefault: string, expected = "a non-empty string") {
  const check = (value: unknown): value is string =>
    typeof value === "string" && value.trim() !== "";
  const key: ConfigKey<string> = {
    expected,
    about,
    shownDefault,
    check,
    parse: (written) => (check(written) ? written : undefined),
  };
  return key;
}

/** true or false; written as true/false, 1/0, yes/no. */
export function yesNo(about: string, shownDefault: string): ConfigKey<boolean> {
  const words: Record<string, boolean> = { true: true, 1: true, yes: true };
  for (const word of ["false", "0", "no"]) words[word] = false;
  return {
    expected: "true or false",
    about,
    shownDefault,
    check: (value): value is boolean => typeof value === "boolean",
    parse: (written) => words[written.trim().toLowerCase()],
  };
}

/** Whether proxies are trusted: true, false, or a number of hops; written true/false/yes/no/1/0 or a number. */
export function trustedHops(about: string, shownDefault: string): ConfigKey<boolean | number> {
  const words = yesNo(about, shownDefault);
  const check = (value: unknown): value is boolean | number =>
    typeof value === "boolean" || (Number.isInteger(value) && (value as number) >= 0);
  return {
    expected: "true (every proxy), false (none) or a number of proxy hops",
    about,
    shownDefault,
    check,
    parse(written) {
      const text = written.trim();
      // 1 and 0 are hop counts here (1 hop: trust the nearest proxy; 0: none), as in Express.
      if (/^\d+$/.test(text)) return Number(text);
      return words.parse(text);
    },
  };
}

/** One of a few words. */
export function oneOf<const Word extends string>(
  words: readonly Word[],
  about: string,
  shownDefault: string,
): ConfigKey<Word> {
  const check = (value: unknown): value is Word => words.includes(value as Word);
  return {
    expected: `one of ${words.join(", ")}`,
    about,
    shownDefault,
    check,
    parse: (written) => (check(written.trim()) ? (written.trim() as Word) : undefined),
  };
}

/** A secret of at least `minLength` characters; never shown back in a message. */
export function secret(about: string, shownDefault: string, minLength: number): ConfigKey<string> {
  const check = (value: unknown): value is string =>
    typeof value === "string" && value.length >= minLength;
  return {
    expected: `a secret of at least ${minLength} characters`,
    secret: true,
    about,
    shownDefault,
    check,
    parse: (written) => (check(written) ? written : undefined),
  };
}

/**
 * Host names a server answers to, or `true` for any; written comma-separated, `*` for any.
 * A leading dot allows subdomains too (".example.com").
 */
export function hostList(about: string, shownDefault: string): ConfigKey<true | string[]> {
  const check = (value: unknown): value is true | string[] =>
    value === true ||
    (Array.isArray(value) &&
      value.every((item) => typeof item === "string" && /^\.?[a-z0-9.:-]+$/i.test(item)));
  return {
    expected: 'true (any host) or a list of host names (".example.com" for subdomains too)',
    about,
    shownDefault,
    check,
    parse(written) {
      if (written.trim() === "*") return true;
      const list = written.split(",").map((item) => item.trim());
      return check(list) ? list : undefined;
    },
  };
}

const TRANSPORTS: readonly Transport[] = ["sse", "websocket", "json"];

/** A list of transports in order of preference; written comma-separated ("sse,json"). */
export function transportList(about: string, shownDefault: string): ConfigKey<Transport[]> {
  const check = (value: unknown): value is Transport[] =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => TRANSPORTS.includes(item as Transport)) &&
    new Set(value).size === value.length;
  return {
    expected: `a list of ${TRANSPORTS.join(", ")} (each at most once)`,
    about,
    shownDefault,
    check,
    parse(written) {
      const list = written.split(",").map((item) => item.trim());
      return check(list) ? list : undefined;
    },
  };
}

/** How a wrong value of `key` is named in an error: the value itself, unless it is a secret. */
export function describeValueOf(key: ConfigKey<unknown>, value: unknown): string {
  if (!key.secret) return describeValue(value);
  return typeof value === "string" ? `${value.length} characters` : `a ${typeof value}`;
}

/** How a value is named in an error: `"abc"`, `8501 (a number)`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array ${JSON.stringify(value)}`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" || typeof value === "function") return `a ${typeof value}`;
  return `${String(value)} (a ${typeof value})`;
}

/**
 * Sources to add to the page's Content-Security-Policy, by directive:
 * `{ "frame-src": ["https://example.com"] }`; written as that JSON in a flag or
 * environment variable. Each source is checked when the server starts.
 */
export function cspSources(
  about: string,
  shownDefault: string,
): ConfigKey<Record<string, string[]>> {
  const check = (value: unknown): value is Record<string, string[]> =>
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([name, sources]) =>
        /^[a-z-]+$/.test(name) &&
        Array.isArray(sources) &&
        sources.every((source) => typeof source === "string"),
    );
  return {
    expected: 'sources by directive, as {"frame-src": ["https://example.com"]}',
    about,
    shownDefault,
    check,
    parse(written) {
      try {
        const value: unknown = JSON.parse(written);
        return check(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
