/** An `st.empty()` placeholder, or a finished spinner: it holds a place and draws nothing. */
export function Empty() {
  return null;
}
