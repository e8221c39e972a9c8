import type { St } from "edgelit";

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** How long each step of the slow task and each streamed word takes, in milliseconds. */
const STEP_MS = 400;
const WORD_MS = 40;
const STEPS = ["Load the data", "Crunch the numbers", "Draw the report"];
/** The echo bot's avatar; the user keeps the default one. */
const BOT = { avatar: "🦜" };

interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** A stand-in for a language model: it answers word by word. */
async function* echo(prompt: string): AsyncGenerator<string> {
  for (const word of `You said: ${prompt}. Every word of this answer streamed in while the script ran.`.split(
    /(?<=\s)/,
  )) {
    await sleep(WORD_MS);
    yield word;
  }
}

/** The Status and chat page: progress, spinners, status boxes, toasts, exceptions, placeholders and a streaming chat. */
export default async function statusPage(st: St): Promise<void> {
  st.header("Status and chat", { divider: true });

  st.subheader("Progress and spinners");
  st.progress(0.7, { text: "A progress bar, 70 % full" });
  if (
    st.button("Run a slow task", {
      type: "primary",
      help: "A progress bar, a status box with spinners, then a toast",
    })
  ) {
    const bar = st.progress(0, { text: "Starting…" });
    const status = st.status("Working through three steps…", { expanded: true });
    for (const [done, step] of STEPS.entries()) {
      await status.spinner(`${step}…`, () => sleep(STEP_MS));
      status.write(`✔ ${step}`);
      bar.progress((done + 1) / STEPS.length, { text: `Step ${done + 1} of ${STEPS.length}` });
    }
    status.update({ label: "All three steps done", state: "complete", expanded: false });
    st.toast("The task is done", { icon: "✅" });
  }

  st.subheader("Placeholders");
  const slot = st.empty();
  if (st.button("Count down")) {
    for (let left = 3; left > 0; left--) {
      slot.markdown(`**${left}…**`);
      await sleep(STEP_MS);
    }
    slot.success("Lift-off! One element, replaced in place by each call.");
  }

  st.subheader("Errors");
  if (st.button("Show an exception")) {
    try {
      JSON.parse("{ not json");
    } catch (error) {
      st.exception(error);
    }
  }

  st.subheader("Chat");
  st.caption(
    "The message box is pinned to the bottom of the page; the reply streams in with `writeStream`.",
  );
  // Read, not `??= []`: a visit that never chats then stores no session at all.
  const history: ChatTurn[] = st.session.tourChat ?? [];
  st.chatMessage("assistant", BOT).markdown(
    "Hello! Say something and I will echo it, a word at a time.",
  );
  for (const turn of history)
    st.chatMessage(turn.role, turn.role === "assistant" ? BOT : {}).markdown(turn.content);
  const prompt = st.chatInput("Say something");
  if (prompt) {
    st.session.tourChat = history;
    history.push({ role: "user", content: prompt });
    st.chatMessage("user").markdown(prompt);
    const reply = await st.chatMessage("assistant", BOT).writeStream(echo(prompt));
    history.push({ role: "assistant", content: reply });
  }
}
