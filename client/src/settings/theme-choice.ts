/** The reader's colour scheme choice in the "⋮" menu; "system" follows the system even if the app set theme.base. */
export type ThemeChoice = "system" | "light" | "dark";

/** The localStorage key; index.html's inline script reads it too, before the first paint. */
const STORAGE_KEY = "edgelit-theme";
const CHOICES: readonly string[] = ["system", "light", "dark"];

/** The choice this origin stored, if any. */
export function readThemeChoice(): ThemeChoice | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored !== null && CHOICES.includes(stored) ? (stored as ThemeChoice) : undefined;
  } catch {
    return undefined; // storage blocked: the page keeps the app's default
  }
}

/** Applies a choice at once (the stylesheet keys on html[data-theme]) and remembers it for this origin. */
export function applyThemeChoice(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice lasts until the page reloads.
  }
}
