import { expect, test } from "vitest";
import { SameDelayTimers } from "../../../src/server/same-delay-timers.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test("timers fire in the order they started, after their delay; cancelled ones never fire", async () => {
  const timers = new SameDelayTimers(20);
  const fired: string[] = [];
  const startedAt = performance.now();
  const firedAt = new Map<string, number>();
  const start = (name: string) => timers.start(() => {
    fired.push(name);
    firedAt.set(name, performance.now() - startedAt);
  });
  const cancelFirst = start("first");
  start("second");
  const cancelThird = start("third");
  await sleep(5);
  start("fourth");
  cancelFirst();
  cancelThird();
  expect(fired).toEqual([]);

  await sleep(80);
  expect(fired).toEqual(["second", "fourth"]);
  // Never early: the fourth started 5 ms or more after the others.
  expect(firedAt.get("second")).toBeGreaterThanOrEqual(19);
  expect(firedAt.get("fourth")).toBeGreaterThanOrEqual(firedAt.get("second")!);
});

test("a timer started after the others fired or were cancelled still fires", async () => {
  const timers = new SameDelayTimers(10);
  const fired: string[] = [];
  timers.start(() => fired.push("early"))();
  await sleep(30);
  timers.start(() => fired.push("late"));
  await sleep(40);
  expect(fired).toEqual(["late"]);
});

test("many cancelled timers behind a pending one are dropped once it fires", async () => {
  const timers = new SameDelayTimers(15);
  const fired: number[] = [];
  timers.start(() => fired.push(-1));
  for (let i = 0; i < 5000; i++) timers.start(() => fired.push(i))();
  timers.start(() => fired.push(5000));
  await sleep(60);
  expect(fired).toEqual([-1, 5000]);
});
