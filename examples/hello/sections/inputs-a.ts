import type { Container } from "edgelit";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The tour's pickers: a slider over options, dates (one or a range), a time, a date and time, and a colour. */
export default function pickersSection(st: Container): void {
  st.subheader("Pickers");
  const size = st.selectSlider("T-shirt size", ["XS", "S", "M", "L", "XL"], { value: "M" });
  st.write(`Size: ${size}`);
  const [from, to] = st.selectSlider("Opening months", MONTHS, {
    value: ["Mar", "Sep"],
    help: "Drag either end",
  });
  st.write(`Open from ${from} to ${to}`);

  const day = st.dateInput("Delivery day", {
    value: "2026-12-01",
    min: "2026-11-01",
    max: "2027-06-30",
    format: "DD.MM.YYYY",
  });
  const time = st.timeInput("Delivery time", { value: "09:00", step: 1800 });
  st.write(`Delivery: ${day} at ${time}`);
  const [arrive, leave] = st.dateInput("Stay", { value: ["2026-12-20", "2026-12-27"] });
  st.write(`Stay: ${arrive} to ${leave}`);
  const pickup = st.datetimeInput("Pickup", {
    value: "2026-12-01T10:00",
    min: "2026-11-01T08:00",
    max: "2027-06-30T18:00",
    step: 1800,
    format: "DD.MM.YYYY",
  });
  st.write(`Pickup: ${pickup}`);

  const ribbon = st.colorPicker("Ribbon colour", { value: "#ff4b4b" });
  st.write(`Ribbon: ${ribbon}`);
}
