import { render } from "solid-js/web";
import { App } from "./app.tsx";
import { readConfig } from "./config.ts";
import { createClient } from "./create-client.ts";
import { watchDevReload } from "./dev-reload.ts";
import { SettingsMenu } from "./settings/settings-menu.tsx";
import "./styles.css";

const config = readConfig();
if (config.title) document.title = config.title;

const client = createClient(config.transports);
render(
  () => (
    <>
      <App client={client} />
      <SettingsMenu themeBase={config.themeBase} />
    </>
  ),
  document.getElementById("root")!,
);

// The first event: with no lastRunId, the server sends the whole page.
client.queue.rerun();
if (config.dev) watchDevReload(() => client.queue.rerun());
