import type { St } from "edgelit";

const ANIMALS = ["cat", "dog", "duck", "horse", "owl", "otter", "panda"];

/** A search kept in the URL (`/search?q=ow`): share the link or reload, and the same results show. */
export default function search(st: St): void {
  st.title("Search");
  // The URL is the source of truth: the box starts from it, and what is typed goes back to it.
  const query = st
    .textInput("Animal", { value: st.queryParams.q ?? "", placeholder: "Try: d" })
    .trim()
    .toLowerCase();
  if (query) st.queryParams.q = query;
  else delete st.queryParams.q;
  const found = ANIMALS.filter((animal) => animal.includes(query));
  st.write(found.length ? `Found: ${found.join(", ")}` : "Nothing found.");
  st.caption("The search is in the address bar: change it by hand and press Enter, or reload.");
}
