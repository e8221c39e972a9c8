import { defineApp } from "edgelit";

/**
 * Log in with any OpenID Connect provider: copy .streamlit/secrets.toml.example to
 * .streamlit/secrets.toml, fill it in, and run `npx edgelit run app.ts` in this folder.
 */
export default defineApp(
  (st) => {
    st.title("Who is here");
    if (!st.user.isLoggedIn) {
      st.write("Log in to see what your provider says about you.");
      if (st.button("Log in")) st.login();
      st.stop();
    }
    st.success(`Hello, ${String(st.user.name ?? st.user.email ?? st.user.sub)}!`);
    st.json(st.user);
    st.caption(
      `Your browser: ${st.context.locale ?? "?"}, ${st.context.timezone ?? "?"}, ${st.context.theme ?? "?"} theme`,
    );
    if (st.button("Log out")) st.logout();
  },
  { title: "Login · edgelit" },
);
