import type { Container } from "edgelit";

/** The tour's forms: widgets that wait for a submit button, sent together in one event. */
export default function formsSection(st: Container): void {
  st.header("Forms", { divider: true });
  st.markdown(
    "Widgets in a form do not rerun the app as they change: the page holds their values until **Submit** sends them all at once.",
  );

  const order = st.form("order");
  const [left, right] = order.columns(2);
  const name = left.textInput("Name", { placeholder: "Ada" });
  const size = right.selectbox("Size", ["Small", "Medium", "Large"], { index: 1 });
  const quantity = order.slider("Quantity", { min: 1, max: 10, value: 1 });
  const gift = order.checkbox("Gift wrap");
  if (order.formSubmitButton("Place order", { type: "primary", icon: "🛒" })) {
    st.success(
      `Ordered ${quantity} × ${size} for ${name || "nobody"}${gift ? ", gift wrapped" : ""}.`,
    );
  } else {
    st.caption("Change the order, then place it: one request carries every value.");
  }

  st.subheader("Cleared on submit");
  const note = st.form("note", { clearOnSubmit: true });
  const text = note.textInput("Note", { help: "Enter sends the form." });
  const urgent = note.toggle("Urgent");
  if (note.formSubmitButton("Send note"))
    st.info(
      `Sent${urgent ? " (urgent)" : ""}: ${text || "an empty note"}. The form is ready for the next one.`,
    );
}
