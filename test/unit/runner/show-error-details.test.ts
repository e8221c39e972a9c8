import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import { defineApp, fragment } from "../../../src/index.ts";
import type { ShowErrorDetails } from "../../../src/runner/exception-props.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { AppTest } from "../../../src/testing/index.ts";

/**
 * What the page receives of an error the app did not catch, for each
 * `showErrorDetails` mode, in development and in production: the exception
 * box's props are what the browser renders.
 */

const SECRET = "card 4111-1111 declined";
const HIDDEN = /^This app has encountered an error\. Its details are hidden/;

const app = defineApp((st) => {
  st.title("Shop");
  if (st.button("Pay")) throw new RangeError(SECRET);
});

async function shownAfterClick(
  options: { dev: boolean; showErrorDetails?: ShowErrorDetails },
  target = app,
  label = "Pay",
) {
  const at = await AppTest.fromApp(target, options).run();
  await at.button(label).click().run();
  expect(at.exceptions).toHaveLength(1);
  return at.exceptions[0]!.props;
}

test("in development, full shows the type, message and stack; stacktrace the type and frames, never the message", async () => {
  const full = await shownAfterClick({ dev: true, showErrorDetails: "full" });
  expect(full.name).toBe("RangeError");
  expect(full.message).toBe(SECRET);
  expect(full.stack).toMatch(/^RangeError: card 4111-1111 declined\n\s+at /);

  const shown = await shownAfterClick({ dev: true, showErrorDetails: "stacktrace" });
  expect(shown.name).toBe("RangeError");
  expect(shown.message).toMatch(HIDDEN);
  expect(shown.stack).toMatch(/^RangeError\n\s+at /);
  expect(JSON.stringify(shown)).not.toContain("4111");
});

test("type: the type and a generic message, in either mode", async () => {
  for (const dev of [true, false]) {
    const shown = await shownAfterClick({ dev, showErrorDetails: "type" });
    expect(Object.keys(shown).sort()).toEqual(["message", "name"]);
    expect(shown.name).toBe("RangeError");
    expect(shown.message).toMatch(HIDDEN);
  }
});

test("none: a generic message only, in either mode", async () => {
  for (const dev of [true, false]) {
    const shown = await shownAfterClick({ dev, showErrorDetails: "none" });
    expect(Object.keys(shown)).toEqual(["message"]);
    expect(shown.message).toMatch(HIDDEN);
  }
});

test("production never sends a stack, whatever the mode; the message shows by default (full)", async () => {
  const modes = [undefined, "full", "stacktrace", "type", "none"] as const;
  for (const mode of modes) {
    const shown = await shownAfterClick(
      mode === undefined ? { dev: false } : { dev: false, showErrorDetails: mode },
    );
    expect(shown.stack).toBeUndefined();
    expect(JSON.stringify(shown)).not.toMatch(/\bat .*:\d+:\d+/);
    if (mode === undefined || mode === "full")
      expect(shown).toEqual({ name: "RangeError", message: SECRET });
    else expect(shown.message).toMatch(HIDDEN);
  }
});

test("errors of a callback and of a fragment are hidden the same way", async () => {
  const withCallback = defineApp((st) => {
    st.button("Pay", {
      onClick: () => {
        throw new TypeError(SECRET);
      },
    });
  });
  const shownCallback = await shownAfterClick(
    { dev: true, showErrorDetails: "type" },
    withCallback,
  );
  expect(shownCallback).toEqual({ name: "TypeError", message: expect.stringMatching(HIDDEN) });

  const checkout = fragment("checkout", (st) => {
    if (st.button("Pay")) throw new RangeError(SECRET);
  });
  const withFragment = defineApp((st) => {
    st.title("Shop");
    checkout(st);
  });
  const shownFragment = await shownAfterClick(
    { dev: true, showErrorDetails: "none" },
    withFragment,
  );
  expect(shownFragment).toEqual({ message: expect.stringMatching(HIDDEN) });
});

test("an error the app shows itself with st.exception is not hidden (its stack still only in development)", async () => {
  const shows = defineApp((st) => {
    try {
      throw new RangeError(SECRET);
    } catch (error) {
      st.exception(error);
    }
    throw new TypeError("not caught");
  });
  const production = await AppTest.fromApp(shows, { dev: false, showErrorDetails: "none" }).run();
  expect(production.exceptions.map((e) => e.props)).toEqual([
    { name: "RangeError", message: SECRET },
    { message: expect.stringMatching(HIDDEN) },
  ]);
  const development = await AppTest.fromApp(shows, { dev: true, showErrorDetails: "none" }).run();
  expect(development.exceptions[0]!.props.stack).toMatch(/^RangeError: card/);
  expect(development.exceptions[1]!.props).toEqual({ message: expect.stringMatching(HIDDEN) });
});

test("createServer refuses a showErrorDetails it does not know", () => {
  expect(() =>
    createServer({
      app,
      storage: createStorage(),
      showErrorDetails: "partial" as ShowErrorDetails,
    }),
  ).toThrow(/showErrorDetails must be full, stacktrace, type, none; got "partial"/);
});
