import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { SameDelayTimers } from "../../../src/server/same-delay-timers.ts";

// Fake timers fake setTimeout and performance.now together, so "after its
// delay" is checked to the millisecond and no run depends on the machine's load.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("timers fire in the order they started, each exactly after its delay; cancelled ones never fire", () => {
  const timers = new SameDelayTimers(20);
  const fired: string[] = [];
  const start = (name: string) => timers.start(() => fired.push(name));
  const cancelFirst = start("first");
  start("second");
  const cancelThird = start("third");
  vi.advanceTimersByTime(5);
  start("fourth");
  cancelFirst();
  cancelThird();

  // Never early: nothing at 19 ms, the second at 20 ms.
  vi.advanceTimersByTime(14);
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(fired).toEqual(["second"]);

  // The fourth started 5 ms later, so it waits 5 ms more, not a whole delay.
  vi.advanceTimersByTime(4);
  expect(fired).toEqual(["second"]);
  vi.advanceTimersByTime(1);
  expect(fired).toEqual(["second", "fourth"]);

  vi.advanceTimersByTime(1000);
  expect(fired).toEqual(["second", "fourth"]);
  expect(vi.getTimerCount()).toBe(0);
});

test("a timer started after the others fired or were cancelled still fires", () => {
  const timers = new SameDelayTimers(10);
  const fired: string[] = [];
  timers.start(() => fired.push("early"))();
  vi.advanceTimersByTime(30);
  timers.start(() => fired.push("late"));
  vi.advanceTimersByTime(9);
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(fired).toEqual(["late"]);
});

test("a timer started while the only pending one is cancelled waits its own full delay", () => {
  const timers = new SameDelayTimers(10);
  const fired: string[] = [];
  const cancel = timers.start(() => fired.push("cancelled"));
  vi.advanceTimersByTime(6);
  cancel();
  timers.start(() => fired.push("second"));
  // The first Node timer still fires at 10 ms, finds nothing due, and re-arms for the 16 ms mark.
  vi.advanceTimersByTime(9);
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(fired).toEqual(["second"]);
});

test("many cancelled timers behind a pending one are dropped once it fires", () => {
  const timers = new SameDelayTimers(15);
  const fired: number[] = [];
  timers.start(() => fired.push(-1));
  for (let i = 0; i < 5000; i++) timers.start(() => fired.push(i))();
  timers.start(() => fired.push(5000));
  // One Node timer serves them all.
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(15);
  expect(fired).toEqual([-1, 5000]);
  expect(vi.getTimerCount()).toBe(0);
});
