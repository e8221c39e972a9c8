import { createScriptHost } from "../../../src/app/script-host.ts";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import type { ElementMessage, ServerMessage } from "../../../src/protocol/index.ts";
import { runEvent } from "../../../src/runner/run-event.ts";
import { createSessionRecord } from "../../../src/session/record.ts";
import { AppTest } from "../../../src/testing/index.ts";

const tick = () => new Promise((done) => setTimeout(done, 1));

/** The element messages of the last run at one path, in order. */
function sentAt(messages: ServerMessage[], path: string): ElementMessage[] {
  return messages.filter(
    (m): m is ElementMessage => m.type === "element" && m.path.join(".") === path,
  );
}

test("st.empty() is one element that every call replaces in place, and .empty() clears", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const clear = st.checkbox("Clear");
      const slot = st.empty();
      st.text("after");
      for (let i = 1; i <= 3; i++) {
        slot.markdown(`step ${i}`);
        await tick();
      }
      if (clear) slot.empty();
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["checkbox", "0.0"],
    ["markdown", "0.1"],
    ["text", "0.2"],
  ]);
  expect(sentAt(at.messages, "0.1").map((m) => m.kind === "markdown" && m.props.body)).toEqual([
    "step 1",
    "step 2",
    "step 3",
  ]);

  await at.checkbox("Clear").setValue(true).run();
  expect(at.elements.map((e) => e.kind)).toEqual(["checkbox", "empty", "text"]);
});

test("a placeholder filled before the script yields costs nothing on the wire when unchanged", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      // A session that holds a value is saved: the next run knows what the page holds.
      st.session.seen = true;
      st.empty().metric("Users", 12);
      st.write("end");
    }),
  ).run();
  expect(
    at.messages.filter((m) => m.type === "element").map((m) => m.type === "element" && m.kind),
  ).toEqual(["metric", "markdown"]);
  await at.run();
  expect(at.messages.filter((m) => m.type === "element")).toEqual([]);
  expect(at.elements.map((e) => e.kind)).toEqual(["metric", "markdown"]);
});

test("an unfilled placeholder shows nothing, not what the last run drew there", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      if (!st.checkbox("Placeholder")) st.markdown("old");
      else {
        const slot = st.empty();
        await tick();
        slot.markdown("new");
      }
    }),
  ).run();
  await at.checkbox("Placeholder").setValue(true).run();
  expect(sentAt(at.messages, "0.1").map((m) => m.kind)).toEqual(["empty", "markdown"]);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["new"]);
});

test("a placeholder refilled with a container drops the first container's children, run after run", async () => {
  const app = defineApp((st) => {
    const slot = st.empty();
    const first = slot.container();
    first.write("a");
    first.write("b");
    slot.container({ border: true }).write("c");
    st.write("end");
  });
  const at = await AppTest.fromApp(app).run();
  const expected = [
    ["container", "0.0"],
    ["markdown", "0.0.0"],
    ["markdown", "0.1"],
  ];
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual(expected);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["c", "end"]);
  await at.run();
  await at.run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual(expected);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["c", "end"]);
});

test("a handle on a block that was replaced by a plain element draws nothing more, without failing", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const slot = st.empty();
      const box = slot.container();
      box.write("a");
      slot.markdown("replaced");
      box.write("dropped");
      box.columns(2)[0].write("dropped too");
      st.write("end");
    }),
  ).run();
  expect(at.exceptions).toEqual([]);
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["markdown", "0.0"],
    ["markdown", "0.1"],
  ]);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["replaced", "end"]);
});

test("st.progress takes shares or percentages, and its handle moves the same bar", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const bar = st.progress(0, { text: "Starting" });
      for (let i = 1; i <= 4; i++) {
        await tick();
        bar.progress(i / 4, { text: `Step ${i}` });
      }
      st.progress(42);
    }),
  ).run();
  expect(at.get("progress").map((e) => e.props)).toEqual([
    { value: 100, text: "Step 4" },
    { value: 42 },
  ]);
  expect(sentAt(at.messages, "0.0").map((m) => m.kind === "progress" && m.props.value)).toEqual([
    0, 25, 50, 75, 100,
  ]);

  const bad = await AppTest.fromApp(defineApp((st) => void st.progress(120))).run();
  expect(bad.exceptions[0]!.props.message).toMatch(
    /share from 0 to 1 or a percentage from 0 to 100; got 120/,
  );
});

test("st.spinner shows while its function runs, is gone after, and returns the function's result", async () => {
  let seenWhileRunning: string[] = [];
  let at: AppTest;
  at = AppTest.fromApp(
    defineApp(async (st) => {
      const answer = await st.spinner("Thinking…", async () => {
        st.write("inside");
        await tick();
        seenWhileRunning = at.elements.map((e) => e.kind);
        return 42;
      });
      st.write(`answer ${answer}`);
    }),
  );
  await at.run();
  expect(seenWhileRunning).toEqual(["spinner", "markdown"]);
  expect(at.get("spinner")).toEqual([]);
  expect(at.elements.map((e) => e.kind)).toEqual(["empty", "markdown", "markdown"]);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["inside", "answer 42"]);

  // The next run shows it again, and removes it again.
  await at.run();
  expect(sentAt(at.messages, "0.0").map((m) => m.kind)).toEqual(["spinner", "empty"]);
  expect(at.get("spinner")).toEqual([]);
});

test("st.spinner is removed when its function throws, and the error shows", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      await st.spinner("Failing…", async () => {
        await tick();
        throw new Error("no luck");
      });
    }),
  ).run();
  expect(at.get("spinner")).toEqual([]);
  expect(at.exceptions[0]!.props.message).toBe("no luck");
});

test("st.status is a block whose update changes label and state, keeping what is inside", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const status = st.status("Downloading…", { expanded: true });
      status.write("step 1");
      await tick();
      status.write("step 2");
      status.update({ label: "Done", state: "complete", expanded: false });
      status.write("step 3");
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["status", "0.0"],
    ["markdown", "0.0.0"],
    ["markdown", "0.0.1"],
    ["markdown", "0.0.2"],
  ]);
  expect(at.get("status")[0]!.props).toEqual({ label: "Done", state: "complete", expanded: false });
  expect(sentAt(at.messages, "0.0").map((m) => m.kind === "status" && m.props.state)).toEqual([
    "running",
    "complete",
  ]);
});

test("st.toast is sent again by every run that calls it, even with the same text", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      // A session that holds a value is saved: the next run knows what the page holds.
      st.session.seen = true;
      st.toast("Saved!", { icon: "✅" });
      st.write("page");
    }),
  ).run();
  const first = sentAt(at.messages, "0.0");
  expect(first.map((m) => m.kind === "toast" && [m.props.body, m.props.icon])).toEqual([
    ["Saved!", "✅"],
  ]);
  await at.run();
  const second = sentAt(at.messages, "0.0");
  expect(second).toHaveLength(1);
  expect(second[0]!.kind === "toast" && second[0]!.props.nonce).not.toBe(
    first[0]!.kind === "toast" && first[0]!.props.nonce,
  );
  // The rest of the page is unchanged, so nothing else is sent.
  expect(sentAt(at.messages, "0.1")).toEqual([]);
});

test("st.writeStream grows one markdown element chunk by chunk and returns the whole text", async () => {
  let returned: string[] = [];
  async function* tokens() {
    for (const token of ["Hello", ", ", "wor", "ld"]) {
      await tick();
      yield token;
    }
  }
  const bytes = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const encoded = new TextEncoder().encode("héllo");
        controller.enqueue(encoded.slice(0, 2)); // splits the "é" in two
        controller.enqueue(encoded.slice(2));
        controller.close();
      },
    });
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      returned = [
        await st.writeStream(tokens),
        await st.writeStream(bytes()),
        await st.writeStream(["a", "b"]),
      ];
    }),
  ).run();
  expect(returned).toEqual(["Hello, world", "héllo", "ab"]);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["Hello, world", "héllo", "ab"]);
  const updates = sentAt(at.messages, "0.0").filter((m) => m.kind === "markdown");
  expect(updates.map((m) => m.kind === "markdown" && m.props.body)).toEqual([
    "Hello",
    "Hello, ",
    "Hello, wor",
    "Hello, world",
  ]);
});

test("writeStream's updates leave the server in separate batches while the script runs", async () => {
  const batches: string[][] = [];
  const sentBeforeToken: number[] = [];
  const withText = () => batches.filter((bodies) => bodies.length > 0);
  await runEvent({
    host: createScriptHost(
      defineApp(async (st) => {
        await st.writeStream(async function* () {
          for (let i = 0; i < 3; i++) {
            // A slow source: each token comes a little after the last.
            await new Promise((done) => setTimeout(done, 20));
            sentBeforeToken.push(withText().length);
            yield `${i} `;
          }
        });
      }),
    ),
    record: createSessionRecord(),
    changes: [],
    previousTree: {},
    send: (messages) =>
      batches.push(
        messages.flatMap((m) =>
          m.type === "element" && m.kind === "markdown" ? [m.props.body] : [],
        ),
      ),
  });
  expect(withText()).toEqual([["0 "], ["0 1 "], ["0 1 2 "]]);
  // Handed over as they came, not all at the end: each token had left before the next was made.
  expect(sentBeforeToken).toEqual([0, 1, 2]);
});
