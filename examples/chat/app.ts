import { defineApp } from "edgelit";

interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A stand-in for a language model: the user's words back, a token at a time. */
async function* echo(prompt: string): AsyncGenerator<string> {
  const tokens = `You said: ${prompt}`.split(/(?<=\s)/);
  for (const token of tokens) {
    await sleep(60);
    yield token;
  }
}

/** A chat that streams its replies; the history lives in the session. */
export default defineApp(
  async (st) => {
    st.title("Echo chat");
    st.caption("Every reply streams in token by token, while the script runs.");
    const history: ChatTurn[] = (st.session.messages ??= []);

    for (const turn of history) st.chatMessage(turn.role).markdown(turn.content);

    const prompt = st.chatInput("Say something");
    if (prompt) {
      history.push({ role: "user", content: prompt });
      st.chatMessage("user").markdown(prompt);
      const reply = await st.chatMessage("assistant").writeStream(echo(prompt));
      history.push({ role: "assistant", content: reply });
    }
  },
  { title: "Chat · edgelit" },
);
