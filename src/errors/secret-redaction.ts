/**
 * The secret values this process knows (from secrets files, and any the app read through
 * `st.secrets`), so error elements and log lines can hide them. Values shorter than
 * {@link MIN_REDACTED_LENGTH}, or with a space in them, are not hidden: `true`, `login` or
 * `openid profile email` are settings, and hiding them would blank out ordinary text.
 */
const knownSecrets = new Set<string>();

/** Shorter values are left as they are (see knownSecrets). */
export const MIN_REDACTED_LENGTH = 8;

/** What a hidden secret reads as. */
export const REDACTED = "[secret]";

let pattern: RegExp | undefined;

/**
 * Remembers secret values, so {@link redactSecrets} hides them from now on.
 *
 * @example
 * registerSecretValues(["s3cr3t-token"]);
 */
export function registerSecretValues(values: Iterable<string>): void {
  for (const value of values) {
    if (value.length < MIN_REDACTED_LENGTH || /\s/.test(value) || knownSecrets.has(value)) continue;
    knownSecrets.add(value);
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
  if (knownSecrets.size === 0 || text.length < MIN_REDACTED_LENGTH) return text;
  // Longest first, so a secret that contains another is hidden whole.
  pattern ??= new RegExp(
    [...knownSecrets]
      .sort((a, b) => b.length - a.length)
      .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"),
    "g",
  );
  return text.replace(pattern, REDACTED);
}
