/** The theme as a declared component's render message carries it (Streamlit's fields). */
export interface ComponentTheme {
  base: "light" | "dark";
  primaryColor: string;
  backgroundColor: string;
  secondaryBackgroundColor: string;
  textColor: string;
  font: string;
}

/** The page's theme as it is drawn now, read from its CSS variables and resolved colours. */
export function currentTheme(): ComponentTheme {
  const root = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  const dark = matchMedia("(prefers-color-scheme: dark)").matches
    ? root.colorScheme !== "light"
    : root.colorScheme === "dark";
  const variable = (name: string) => root.getPropertyValue(name).trim();
  const scheme = dark ? "dark" : "light";
  return {
    base: scheme,
    primaryColor: variable("--primary"),
    backgroundColor: variable(`--bg-${scheme}`) || body.backgroundColor,
    secondaryBackgroundColor: variable(`--bg-soft-${scheme}`),
    textColor: variable(`--text-${scheme}`) || body.color,
    font: variable("--font"),
  };
}
