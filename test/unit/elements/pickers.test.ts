import { afterEach, expect, test, vi } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

afterEach(() => void vi.useRealTimers());

/** The refusal reasons of the last run, without the "Refused a value for this <kind>: " prefix. */
const reasons = (at: AppTest) =>
  at.refused.map((r) => r.message.replace(/^Refused a value for this \w+: /, ""));

/** The widget values stored in the record, by label-free widget id. */
const storedValues = async (at: AppTest) =>
  Object.fromEntries(Object.entries((await at.record()).widgets).map(([id, w]) => [id, w.value]));

test("the pickers return their defaults first, then what the user set", async () => {
  const sizes = [{ size: "S" }, { size: "M" }, { size: "L" }, { size: "XL" }];
  const app = defineApp((st) => {
    st.json({
      size: st.selectSlider("Size", sizes, { value: { size: "M" }, formatFunc: (o) => o.size }),
      months: st.selectSlider("Months", ["Jan", "Feb", "Mar", "Apr"], { value: ["Mar", "Feb"] }),
      first: st.selectSlider("First", ["a", "b"]),
      day: st.dateInput("Day", { value: "2026-03-01" }),
      stay: st.dateInput("Stay", { value: ["2026-03-01", "2026-03-05"] }),
      due: st.dateInput("Due", { value: null }),
      alarm: st.timeInput("Alarm", { value: "07:30" }),
      lap: st.timeInput("Lap", { value: "00:01", step: 1 }),
      off: st.timeInput("Off", { value: null }),
      pen: st.colorPicker("Pen", { value: "#FF4B4B" }),
      ink: st.colorPicker("Ink"),
    });
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.get("json")[0]!.props.body).toEqual({
    size: { size: "M" },
    months: ["Feb", "Mar"],
    first: "a",
    day: "2026-03-01",
    stay: ["2026-03-01", "2026-03-05"],
    due: null,
    alarm: "07:30",
    lap: "00:01:00",
    off: null,
    pen: "#ff4b4b",
    ink: "#000000",
  });
  expect(at.selectSlider("Size").props).toMatchObject({ options: ["S", "M", "L", "XL"], index: 1 });
  expect(at.selectSlider("Months").props).toMatchObject({ index: [1, 2] });

  await at
    .selectSlider("Size")
    .setValue("XL")
    .selectSlider("Months")
    .setValue(["Jan", "Apr"])
    .dateInput("Day")
    .setValue("2026-12-24")
    .dateInput("Stay")
    .setValue(["2026-04-01", "2026-04-01"])
    .dateInput("Due")
    .setValue("2027-01-31")
    .timeInput("Alarm")
    .setValue("23:59")
    .timeInput("Lap")
    .setValue("00:00:42")
    .timeInput("Off")
    .setValue("12:00")
    .colorPicker("Pen")
    .setValue("#00ff7f")
    .run();
  expect(at.refused).toEqual([]);
  expect(at.get("json")[0]!.props.body).toEqual({
    size: { size: "XL" },
    months: ["Jan", "Apr"],
    first: "a",
    day: "2026-12-24",
    stay: ["2026-04-01", "2026-04-01"],
    due: "2027-01-31",
    alarm: "23:59",
    lap: "00:00:42",
    off: "12:00",
    pen: "#00ff7f",
    ink: "#000000",
  });
  expect(at.selectSlider("Size").props.index).toBe(3);
  expect(at.selectSlider("Months").props.index).toEqual([0, 3]);
  expect(at.dateInput("Day").props).toMatchObject({ value: "2026-12-24", format: "YYYY/MM/DD" });

  await at.dateInput("Due").setValue(null).timeInput("Off").setValue(null).run();
  expect(at.get("json")[0]!.props.body).toMatchObject({ due: null, off: null });
});

test("date and time default to the server's UTC today and now, and read a Date in UTC", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-05-31T23:45:30Z"));
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.json({
        today: st.dateInput("Today"),
        fromDate: st.dateInput("From a Date", { value: new Date("2026-02-03T23:30:00-05:00") }),
        now: st.timeInput("Now"),
        nowSeconds: st.timeInput("Now, to the second", { step: 30 }),
        fromTime: st.timeInput("From a Date", { value: new Date("2026-01-01T08:15:59Z") }),
      });
    }),
  ).run();
  expect(at.get("json")[0]!.props.body).toEqual({
    today: "2026-05-31",
    fromDate: "2026-02-04",
    now: "23:45",
    nowSeconds: "23:45:30",
    fromTime: "08:15",
  });
  // Ten years either side, as in Streamlit; 29 February is not a concern for 31 May.
  expect(at.dateInput("Today").props).toMatchObject({ min: "2016-05-31", max: "2036-05-31" });

  // The widgets keep the user's value when the day and the clock move on.
  await at.dateInput("Today").setValue("2026-06-15").timeInput("Now").setValue("10:00").run();
  vi.setSystemTime(new Date("2026-06-01T00:10:00Z"));
  await at.run();
  expect(at.get("json")[0]!.props.body).toMatchObject({ today: "2026-06-15", now: "10:00" });
});

test("changing a picker's bounds or options makes it a new widget, back at its default", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const wide = st.checkbox("Wide");
      st.json({
        day: st.dateInput("Day", {
          value: "2026-01-10",
          min: wide ? "2000-01-01" : "2026-01-01",
          max: "2026-12-31",
        }),
        size: st.selectSlider("Size", wide ? ["S", "M", "L", "XL"] : ["S", "M", "L"]),
        alarm: st.timeInput("Alarm", { value: "08:00", step: wide ? 60 : 900 }),
      });
    }),
  ).run();
  await at
    .dateInput("Day")
    .setValue("2026-06-01")
    .selectSlider("Size")
    .setValue("L")
    .timeInput("Alarm")
    .setValue("09:15")
    .run();
  expect(at.get("json")[0]!.props.body).toEqual({ day: "2026-06-01", size: "L", alarm: "09:15" });
  await at.checkbox("Wide").setValue(true).run();
  expect(at.get("json")[0]!.props.body).toEqual({ day: "2026-01-10", size: "S", alarm: "08:00" });
});

test("refused values say why and leave the stored record untouched", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.selectSlider("One", ["a", "b", "c"], { value: "b" });
      st.selectSlider("Pair", ["a", "b", "c"], { value: ["a", "c"] });
      st.dateInput("Day", { value: "2026-01-10", min: "2026-01-01", max: "2026-01-31" });
      st.dateInput("Stay", {
        value: ["2026-01-10", "2026-01-12"],
        min: "2026-01-01",
        max: "2026-01-31",
      });
      st.timeInput("Alarm", { value: "07:30" });
      st.timeInput("Lap", { value: "00:00:10", step: 5 });
      st.colorPicker("Pen", { value: "#123456" });
    }),
  ).run();
  const before = await storedValues(at);
  const change = (label: string, ...values: unknown[]) => {
    const widget = at.elements.find(
      (e) => "id" in e.props && "label" in e.props && e.props.label === label,
    )!;
    for (const value of values) at.sendChange((widget.props as { id: string }).id, value);
  };
  change("One", 3, -1, 1.5, "b", [0, 1]);
  change("Pair", 1, [2, 0], [0, 5], [0]);
  change("Day", "2025-12-31", "2026-02-01", "2026-01-32", "2026-1-5", 20260105, null, [
    "2026-01-02",
    "2026-01-03",
  ]);
  change(
    "Stay",
    ["2026-01-05", "2026-01-02"],
    ["2026-01-05"],
    "2026-01-05",
    ["2026-01-05", "2026-02-30"],
    ["2026-01-05", "2026-03-01"],
  );
  change("Alarm", "7:30", "24:00", "07:30:00", "07:60", null, 730);
  change("Lap", "00:01", "00:00:60");
  change("Pen", "#ABCDEF", "#abc", "red", "#12345g", 0x123456);
  await at.run();
  expect(reasons(at)).toEqual([
    "expected an option number from 0 to 2, got 3.",
    "expected an option number from 0 to 2, got -1.",
    "expected an option number from 0 to 2, got 1.5.",
    'expected an option number from 0 to 2, got "b".',
    "expected one option, got a range.",
    "expected a range [low, high] of option numbers from 0 to 2, got 1.",
    "the range's low end (option 2) is above its high end (option 0).",
    "expected a range [low, high] of option numbers from 0 to 2, got [0,5].",
    "expected a range [low, high] of option numbers from 0 to 2, got [0].",
    "2025-12-31 is before the earliest date 2026-01-01.",
    "2026-02-01 is after the latest date 2026-01-31.",
    'expected a date as "YYYY-MM-DD", got "2026-01-32".',
    'expected a date as "YYYY-MM-DD", got "2026-1-5".',
    'expected a date as "YYYY-MM-DD", got 20260105.',
    'expected a date as "YYYY-MM-DD", got null.',
    "expected one date, got a range.",
    "the range starts on 2026-01-05, after it ends on 2026-01-02.",
    'expected a date range [start, end], got ["2026-01-05"].',
    'expected a date range [start, end], got "2026-01-05".',
    'expected a date as "YYYY-MM-DD", got "2026-02-30".',
    "2026-03-01 is after the latest date 2026-01-31.",
    'expected a time as "HH:MM", got "7:30".',
    'expected a time as "HH:MM", got "24:00".',
    'expected a time as "HH:MM", got "07:30:00".',
    'expected a time as "HH:MM", got "07:60".',
    'expected a time as "HH:MM", got null.',
    'expected a time as "HH:MM", got 730.',
    'expected a time as "HH:MM:SS", got "00:01".',
    'expected a time as "HH:MM:SS", got "00:00:60".',
    'expected a colour as "#rrggbb" (lowercase hex), got "#ABCDEF".',
    'expected a colour as "#rrggbb" (lowercase hex), got "#abc".',
    'expected a colour as "#rrggbb" (lowercase hex), got "red".',
    'expected a colour as "#rrggbb" (lowercase hex), got "#12345g".',
    'expected a colour as "#rrggbb" (lowercase hex), got 1193046.',
  ]);
  expect(at.refused[0]!.message).toBe(
    "Refused a value for this selectSlider: expected an option number from 0 to 2, got 3.",
  );
  expect(await storedValues(at)).toEqual(before);
});

test("st.session sets a picker's value, checked like a client value", async () => {
  const app = defineApp((st) => {
    if (st.button("Set")) {
      st.session.size = "L";
      st.session.day = "2026-07-04";
      st.session.pen = "#00aa00";
    }
    if (st.button("Break")) st.session.day = "04/07/2026";
    st.json({
      size: st.selectSlider("Size", ["S", "M", "L"], { key: "size" }),
      day: st.dateInput("Day", { value: "2026-01-01", key: "day" }),
      pen: st.colorPicker("Pen", { key: "pen" }),
    });
  });
  const at = await AppTest.fromApp(app).run();
  await at.button("Set").click().run();
  expect(at.get("json")[0]!.props.body).toEqual({ size: "L", day: "2026-07-04", pen: "#00aa00" });
  expect(await at.session()).toMatchObject({ size: "L", day: "2026-07-04", pen: "#00aa00" });
  await at.button("Break").click().run();
  expect(at.exceptions[0]!.props.message).toBe(
    'st.session.day cannot be set to that value: expected a date as "YYYY-MM-DD", got "04/07/2026".',
  );
});

test("a colour set through st.session in any hex form is kept as lowercase #rrggbb", async () => {
  const app = defineApp((st) => {
    st.session.ink ??= "#F44";
    if (st.button("Darker")) st.session.ink = "#AA0000";
    st.write(`ink ${st.colorPicker("Ink", { key: "ink" })}`);
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("markdown")[0]!.props.body).toBe("ink #ff4444");
  await at.button("Darker").click().run();
  // Set after the widget was drawn: the next run shows it.
  await at.run();
  expect(at.get("markdown")[0]!.props.body).toBe("ink #aa0000");
  expect(await at.session()).toMatchObject({ ink: "#aa0000" });
});

test("a change runs the picker's onChange before the app reruns", async () => {
  const calls: string[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.colorPicker("Pen", { onChange: () => calls.push("pen") });
      st.dateInput("Day", { value: "2026-01-01", onChange: () => calls.push("day") });
    }),
  ).run();
  await at.colorPicker("Pen").setValue("#ffffff").run();
  await at.dateInput("Day").setValue("2026-01-02").run();
  expect(calls).toEqual(["pen", "day"]);
});

test("the pickers carry help, disabled and their settings to the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.dateInput("Day", {
        value: "2026-01-10",
        min: "2026-01-01",
        max: new Date("2026-02-01T00:00:00Z"),
        format: "DD.MM.YYYY",
        help: "When",
        disabled: true,
      });
      st.timeInput("Alarm", { value: null, step: 300, help: "Wake" });
      st.colorPicker("Pen", { value: "#f0a", disabled: true });
    }),
  ).run();
  expect(at.dateInput("Day").props).toMatchObject({
    min: "2026-01-01",
    max: "2026-02-01",
    format: "DD.MM.YYYY",
    help: "When",
    disabled: true,
  });
  expect(at.timeInput("Alarm").props).toMatchObject({
    value: null,
    step: 300,
    nullable: true,
    help: "Wake",
  });
  expect(at.colorPicker("Pen").props).toMatchObject({ value: "#ff00aa", disabled: true });
});

test("wrong use of the pickers is a clear error in the page", async () => {
  const errorOf = async (script: Parameters<typeof defineApp>[0]) =>
    (await AppTest.fromApp(defineApp(script)).run()).exceptions[0]?.props.message;
  expect(await errorOf((st) => void st.selectSlider("S", []))).toBe(
    'selectSlider "S": it needs at least one option.',
  );
  expect(await errorOf((st) => void st.selectSlider("S", ["a", "b"], { value: "z" }))).toBe(
    'selectSlider "S": the value z is not one of the options.',
  );
  expect(await errorOf((st) => void st.dateInput("D", { value: "2026-02-30" }))).toBe(
    'dateInput "D": value must be a "YYYY-MM-DD" date or a valid Date, got "2026-02-30".',
  );
  expect(await errorOf((st) => void st.dateInput("D", { value: new Date("nope") }))).toBe(
    'dateInput "D": value must be a "YYYY-MM-DD" date or a valid Date, got null.',
  );
  expect(
    await errorOf(
      (st) => void st.dateInput("D", { min: "2026-02-01", max: "2026-01-01", value: null }),
    ),
  ).toBe('dateInput "D": min (2026-02-01) is after max (2026-01-01).');
  expect(
    await errorOf((st) => void st.dateInput("D", { value: "2026-03-01", max: "2026-02-01" })),
  ).toBe(
    'The default value of dateInput "D" is invalid: 2026-03-01 is after the latest date 2026-02-01.',
  );
  expect(
    await errorOf(
      (st) => void st.dateInput("D", { value: ["2026-03-01"] as unknown as [string, string] }),
    ),
  ).toBe('dateInput "D": a range value is a pair [start, end], got 1 dates.');
  expect(await errorOf((st) => void st.dateInput("D", { format: "YYYY/DD/MM" }))).toContain(
    'dateInput "D": format must be "YYYY/MM/DD"',
  );
  expect(await errorOf((st) => void st.timeInput("T", { value: "25:00" }))).toBe(
    'timeInput "T": value must be "HH:MM", "HH:MM:SS" or a valid Date, got "25:00".',
  );
  expect(await errorOf((st) => void st.timeInput("T", { step: 0 }))).toBe(
    'timeInput "T": step must be a whole number of seconds from 1 to 82800 (23 hours), got 0.',
  );
  expect(await errorOf((st) => void st.colorPicker("C", { value: "blue" }))).toBe(
    'colorPicker "C": value must be a hex colour like "#ff4b4b" or "#f44", got "blue".',
  );
});
