import { afterEach, expect, test, vi } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

afterEach(() => void vi.useRealTimers());

const body = (at: AppTest) => at.get("json")[0]!.props.body;

test("a datetime input returns its default, then what the user set; null when empty", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.json({
        when: st.datetimeInput("When", { value: "2026-12-01T09:00", format: "DD.MM.YYYY" }),
        lap: st.datetimeInput("Lap", { value: "2026-12-01T09:00", step: 1 }),
        open: st.datetimeInput("Open", { value: null }),
      });
    }),
  ).run();
  expect(body(at)).toEqual({ when: "2026-12-01T09:00", lap: "2026-12-01T09:00:00", open: null });
  expect(at.datetimeInput("When").props).toMatchObject({
    step: 900,
    format: "DD.MM.YYYY",
    min: "2016-12-01T00:00",
    max: "2036-12-01T23:59",
  });
  expect(at.datetimeInput("Open").props).toMatchObject({ value: null, nullable: true });

  await at
    .datetimeInput("When")
    .setValue("2026-12-07T10:30")
    .datetimeInput("Lap")
    .setValue("2026-12-01T09:00:42")
    .datetimeInput("Open")
    .setValue("2027-01-01T00:00")
    .run();
  expect(at.refused).toEqual([]);
  expect(body(at)).toEqual({
    when: "2026-12-07T10:30",
    lap: "2026-12-01T09:00:42",
    open: "2027-01-01T00:00",
  });

  await at.datetimeInput("Open").setValue(null).run();
  expect(body(at)).toMatchObject({ open: null });
});

test("the default is the server's UTC now rounded to the step, and a Date is read in UTC", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-05-31T23:52:31Z"));
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.json({
        now: st.datetimeInput("Now"),
        nowSeconds: st.datetimeInput("Now, to the second", { step: 30 }),
        fromDate: st.datetimeInput("From a Date", { value: new Date("2026-02-03T23:30:59-05:00") }),
      });
    }),
  ).run();
  expect(body(at)).toEqual({
    now: "2026-06-01T00:00",
    nowSeconds: "2026-05-31T23:52:30",
    fromDate: "2026-02-04T04:30",
  });

  // The widget keeps the user's value as the clock moves on.
  await at.datetimeInput("Now").setValue("2026-06-15T10:00").run();
  vi.setSystemTime(new Date("2026-06-01T00:40:00Z"));
  await at.run();
  expect(body(at)).toMatchObject({ now: "2026-06-15T10:00" });
});

test("a value outside min and max, or not a datetime, is refused and changes nothing", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.json({
        when: st.datetimeInput("When", {
          value: "2026-12-07T10:30",
          min: "2026-12-01T08:00",
          max: new Date("2026-12-31T18:00:00Z"),
        }),
      });
    }),
  ).run();
  const before = (await at.record()).widgets;
  for (const value of [
    "2026-11-30T23:59",
    "2026-12-31T18:15",
    "2026-12-07 10:30",
    "2026-12-07T10:30:00",
    "2026-02-30T10:00",
    "2026-12-07T24:00",
    null,
    20261207,
  ]) {
    at.sendChange(at.datetimeInput("When").id, value);
  }
  await at.run();
  expect(at.refused.map((r) => r.message)).toEqual([
    "Refused a value for this datetimeInput: 2026-11-30T23:59 is before the earliest 2026-12-01T08:00.",
    "Refused a value for this datetimeInput: 2026-12-31T18:15 is after the latest 2026-12-31T18:00.",
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got "2026-12-07 10:30".',
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got "2026-12-07T10:30:00".',
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got "2026-02-30T10:00".',
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got "2026-12-07T24:00".',
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got null.',
    'Refused a value for this datetimeInput: expected a datetime as "YYYY-MM-DDTHH:MM", got 20261207.',
  ]);
  expect((await at.record()).widgets).toEqual(before);
  expect(body(at)).toEqual({ when: "2026-12-07T10:30" });
});

test("st.session sets a keyed datetime input, checked like a client value", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      if (st.button("Set")) st.session.when = "2026-12-24T18:00";
      if (st.button("Break")) st.session.when = "24/12/2026 18:00";
      st.json({ when: st.datetimeInput("When", { value: "2026-12-07T10:30", key: "when" }) });
    }),
  ).run();
  await at.button("Set").click().run();
  expect(body(at)).toEqual({ when: "2026-12-24T18:00" });
  expect(await at.session()).toMatchObject({ when: "2026-12-24T18:00" });
  await at.button("Break").click().run();
  expect(at.exceptions[0]!.props.message).toBe(
    'st.session.when cannot be set to that value: expected a datetime as "YYYY-MM-DDTHH:MM", got "24/12/2026 18:00".',
  );
});

test("wrong use of the datetime input is a clear error in the page", async () => {
  const errorOf = async (script: Parameters<typeof defineApp>[0]) =>
    (await AppTest.fromApp(defineApp(script)).run()).exceptions[0]?.props.message;
  expect(await errorOf((st) => void st.datetimeInput("D", { value: "2026-12-07" }))).toBe(
    'datetimeInput "D": value must be "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" or a valid Date, got "2026-12-07".',
  );
  expect(
    await errorOf(
      (st) =>
        void st.datetimeInput("D", {
          min: "2026-12-02T00:00",
          max: "2026-12-01T00:00",
          value: null,
        }),
    ),
  ).toBe('datetimeInput "D": min (2026-12-02T00:00) is after max (2026-12-01T00:00).');
  expect(
    await errorOf(
      (st) => void st.datetimeInput("D", { value: "2027-01-01T00:00", max: "2026-12-31T00:00" }),
    ),
  ).toBe(
    'The default value of datetimeInput "D" is invalid: 2027-01-01T00:00 is after the latest 2026-12-31T00:00.',
  );
  expect(await errorOf((st) => void st.datetimeInput("D", { step: 0 }))).toBe(
    'datetimeInput "D": step must be a whole number of seconds from 1 to 82800 (23 hours), got 0.',
  );
  expect(await errorOf((st) => void st.datetimeInput("D", { format: "YYYY/DD/MM" }))).toContain(
    'datetimeInput "D": format must be "YYYY/MM/DD"',
  );
});
