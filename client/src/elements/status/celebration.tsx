import { createEffect, on } from "solid-js";
import type { ElementProps } from "../element-props.ts";

type Effect = "balloons" | "snow";

interface EffectLook {
  /** Text for the pieces, in turn (snowflakes); without, CSS draws them (balloons: no font to depend on). */
  symbols?: string[];
  pieces: number;
  /** Longest delay before a piece sets off, and its shortest and longest flight (ms). */
  maxDelay: number;
  minDuration: number;
  maxDuration: number;
}

const LOOKS: Record<Effect, EffectLook> = {
  balloons: { pieces: 32, maxDelay: 1200, minDuration: 2600, maxDuration: 3800 },
  snow: {
    symbols: ["❄", "❅", "❆"],
    pieces: 48,
    maxDelay: 1500,
    minDuration: 3500,
    maxDuration: 5000,
  },
};

/** Runs already celebrated in this page: a page resent whole (after a reconnect) does not celebrate twice. */
const shown = new Set<string>();

/** `st.balloons`: each new `nonce` sends balloons up over the page once. It draws nothing in place. */
export function Balloons(props: ElementProps<"balloons">) {
  createEffect(
    on(
      () => props.el.nonce,
      (nonce) => celebrate("balloons", nonce),
    ),
  );
  return null;
}

/** `st.snow`: each new `nonce` lets snow fall over the page once. It draws nothing in place. */
export function Snow(props: ElementProps<"snow">) {
  createEffect(
    on(
      () => props.el.nonce,
      (nonce) => celebrate("snow", nonce),
    ),
  );
  return null;
}

/**
 * Draws the effect in an overlay of its own over the whole page, which
 * clicks pass through and which removes itself once every piece has landed.
 * Users who ask for reduced motion see nothing.
 */
function celebrate(effect: Effect, nonce: string): void {
  const once = `${effect}:${nonce}`;
  if (shown.has(once)) return;
  shown.add(once);
  if (matchMedia("(prefers-reduced-motion: reduce)").matches) return;

  const look = LOOKS[effect];
  const overlay = document.createElement("div");
  overlay.className = `celebration celebration-${effect}`;
  overlay.setAttribute("aria-hidden", "true");
  let longest = 0;
  for (let index = 0; index < look.pieces; index++) {
    const piece = document.createElement("span");
    piece.className = "celebration-piece";
    if (look.symbols) piece.textContent = look.symbols[index % look.symbols.length]!;
    const delay = Math.random() * look.maxDelay;
    const duration = look.minDuration + Math.random() * (look.maxDuration - look.minDuration);
    longest = Math.max(longest, delay + duration);
    piece.style.setProperty("--x", `${Math.random() * 100}%`);
    piece.style.setProperty("--drift", `${(Math.random() - 0.5) * 16}vw`);
    piece.style.setProperty("--size", `${1.75 + Math.random() * 1.5}rem`);
    piece.style.setProperty("--hue", `${Math.round(Math.random() * 360)}deg`);
    piece.style.animationDelay = `${delay}ms`;
    piece.style.animationDuration = `${duration}ms`;
    overlay.append(piece);
  }

  let landed = 0;
  const remove = () => overlay.remove();
  overlay.addEventListener("animationend", () => ++landed === look.pieces && remove());
  // A hidden tab may never end its animations; the overlay still goes.
  setTimeout(remove, longest + 1000);
  document.body.append(overlay);
}
