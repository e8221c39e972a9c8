import { render } from "solid-js/web";
import { App } from "./app.tsx";
import { readConfig } from "./runtime/config.ts";
import { createClient } from "./runtime/create-client.ts";
import { watchDevReload } from "./dev-reload.ts";
import { SettingsMenu } from "./settings/settings-menu.tsx";
import { watchHistory } from "./runtime/location.ts";
import { startPageConfig } from "./page-config/page-config.ts";
import "./styles.css";

const config = readConfig();
startPageConfig({
  title: config.title,
  icon: config.icon,
  layout: config.layout,
  initialSidebarState: config.initialSidebarState,
});

const client = createClient(config.transports, config.eventTimeoutMs, config.sessionTtlSeconds);
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
// Back and forward change the page (or its query) without a load: the app reruns at the new URL.
watchHistory(() => client.switchPage());
if (config.dev) watchDevReload(() => client.queue.rerun());
