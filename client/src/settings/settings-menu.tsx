import { createSignal, For } from "solid-js";
import { applyThemeChoice, readThemeChoice, type ThemeChoice } from "./theme-choice.ts";

const THEME_LABELS: [ThemeChoice, string][] = [
  ["system", "Use system setting"],
  ["light", "Light"],
  ["dark", "Dark"],
];

/** The page's "⋮" menu, as in Streamlit: the reader picks the theme; no request to the server. */
export function SettingsMenu(props: { themeBase?: "light" | "dark" }) {
  const [choice, setChoice] = createSignal<ThemeChoice>(
    readThemeChoice() ?? props.themeBase ?? "system",
  );
  const choose = (next: ThemeChoice) => {
    setChoice(next);
    applyThemeChoice(next);
  };
  return (
    <>
      <button
        type="button"
        class="settings-button"
        popovertarget="edgelit-settings"
        aria-label="Settings"
        title="Settings"
      >
        ⋮
      </button>
      {/* A popover: the browser opens it, closes it on Escape or a click outside, and puts it above everything. */}
      <div id="edgelit-settings" class="settings-menu" popover>
        <fieldset>
          <legend>Theme</legend>
          <For each={THEME_LABELS}>
            {([value, label]) => (
              <label class="choice">
                <input
                  type="radio"
                  name="edgelit-theme"
                  value={value}
                  checked={choice() === value}
                  onChange={() => choose(value)}
                />
                {label}
              </label>
            )}
          </For>
        </fieldset>
      </div>
    </>
  );
}
