/**
 * A mistake in how the app uses the API; shown in the page like any script error.
 *
 * @example
 * if (!(min < max)) throw new EdgelitApiError(`slider "${label}": min must be below max.`);
 */
export class EdgelitApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EdgelitApiError";
  }
}
