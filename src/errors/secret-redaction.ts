/**
 * The secret values this process knows (from secrets files, and any the app read through
 * `st.secrets`), so error elements and log lines can hide them. Values shorter than
 * {@link MIN_REDACTED_LENGTH}, or with a space in them, are not hidden: `true`, `login` or
 * `openid profile email` are settings, and hiding them would blank out ordinary text.
 */
const knownSecrets = new Set<string>();

/**
 * Shorter values kept under a name that says they are secret (`password`, `token`, ...):
 * hidden too, but only where they stand as a whole word, so a six-letter password is hidden
 * in `postgres://app:hunter@db` without blanking the same letters inside other words.
 */
const namedShortSecrets = new Set<string>();

/** Shorter values are left as they are (see knownSecrets), unless named as secrets. */
export const MIN_REDACTED_LENGTH = 8;

/** Named secrets shorter than this are left as they are: too short to hide without noise. */
export const MIN_NAMED_REDACTED_LENGTH = 4;

/** A setting's name that says its value is a secret, wherever it stands in the name. */
export const SECRET_NAME =
  /pass(word|wd|phrase)?|pwd|secret|token|api_?key|private_?key|credential/i;

/** What a hidden secret reads as. */
export const REDACTED = "[secret]";

let pattern: RegExp | undefined;

/**
 * Remembers secret values, so {@link redactSecrets} hides them from now on.
 *
 * @example
 * registerSecretValues(["s3cr3t-token"]);
 */
export function registerSecretValues(
  values: Iterable<string>,
  options: { named?: boolean } = {},
): void {
  for (const value of values) {
    if (/\s/.test(value) || knownSecrets.has(value) || namedShortSecrets.has(value)) continue;
    if (value.length >= MIN_REDACTED_LENGTH) knownSecrets.add(value);
    else if (options.named && value.length >= MIN_NAMED_REDACTED_LENGTH)
      namedShortSecrets.add(value);
    else continue;
    pattern = undefined;
  }
}

/**
 * `text` with every known secret value replaced by `[secret]`.
 *
 * @example
 * log.error(redactSecrets(`could not connect with ${url}`));
 */
export function redactSecrets(text: string): string {
  if (knownSecrets.size + namedShortSecrets.size === 0) return text;
  // Longest first, so a secret that contains another is hidden whole.
  const alternatives = (values: Set<string>) =>
    [...values]
      .sort((a, b) => b.length - a.length)
      .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|");
  pattern ??= new RegExp(
    [
      knownSecrets.size > 0 ? alternatives(knownSecrets) : undefined,
      namedShortSecrets.size > 0
        ? `(?<![A-Za-z0-9])(?:${alternatives(namedShortSecrets)})(?![A-Za-z0-9])`
        : undefined,
    ]
      .filter(Boolean)
      .join("|"),
    "g",
  );
  return text.replace(pattern, REDACTED);
}
