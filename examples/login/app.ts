import { defineApp } from "edgelit";

/**
 * Log in with any OpenID Connect provider and keep notes of your own in a database: copy
 * .streamlit/secrets.toml.example to .streamlit/secrets.toml, fill in [auth], install the SQLite
 * driver (`npm install @libsql/client`), and run `npx edgelit run app.ts` in this folder.
 */
export default defineApp(
  async (st) => {
    st.title("Who is here");
    if (!st.user.isLoggedIn) {
      st.write("Log in to see what your provider says about you, and your notes.");
      if (st.button("Log in")) st.login();
      st.stop();
    }
    const me = String(st.user.email ?? st.user.sub);
    st.success(`Hello, ${String(st.user.name ?? me)}!`);

    // [connections.notes] in secrets.toml names the database (sqlite:///notes.db).
    const db = st.connection("notes");
    await db.query("create table if not exists notes (owner text, note text, at text)", { ttl: 0 });
    const form = st.form("add", { clearOnSubmit: true });
    const note = form.textInput("A note");
    if (form.formSubmitButton("Add") && note.trim())
      await db.query("insert into notes values (?, ?, ?)", {
        params: [me, note.trim(), new Date().toISOString()],
        ttl: 0,
      });
    // Only this user's rows; ttl 0 reads them fresh, as they change with every note added.
    const mine = await db.query("select note, at from notes where owner = ? order by at", {
      params: [me],
      ttl: 0,
    });
    st.subheader(`Your notes (${mine.numRows})`);
    st.dataframe(mine, { hideIndex: true });

    {
      const details = st.expander("What your provider says about you");
      details.json(st.user);
      details.caption(
        `Your browser: ${st.context.locale ?? "?"}, ${st.context.timezone ?? "?"}, ${st.context.theme ?? "?"} theme`,
      );
    }
    if (st.button("Log out")) st.logout();
  },
  { title: "Login · edgelit" },
);
