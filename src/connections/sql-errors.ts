/**
 * A query or a connection that failed: the message names the connection and
 * never holds its password.
 */
export class SqlConnectionError extends Error {
  override name = "SqlConnectionError";
}

/** `message` with every secret in it replaced by `***`. */
export function redact(message: string, secrets: readonly string[]): string {
  let shown = message;
  for (const secret of secrets) if (secret.length > 0) shown = shown.split(secret).join("***");
  return shown;
}

/** The secrets of a connection's address: its password, also as the URL encodes it. */
export function secretsOf(url: string | undefined, password: unknown): string[] {
  const secrets: string[] = [];
  if (typeof password === "string" && password) secrets.push(password);
  if (url) {
    try {
      const encoded = new URL(url).password;
      if (encoded) secrets.push(encoded, decodeURIComponent(encoded));
    } catch {
      // Not a URL with a password.
    }
  }
  return secrets;
}
