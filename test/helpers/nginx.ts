import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, tempDir, type StartedProcess } from "./processes.ts";

/**
 * What makes a proxy hold a stream back: compressing it (gzip waits to fill
 * its buffer, the usual culprit) while ignoring the server's X-Accel-Buffering.
 */
const BUFFERING =
  "proxy_buffering on; proxy_ignore_headers X-Accel-Buffering; gzip on; gzip_types text/event-stream application/json; gzip_min_length 0; gzip_buffers 16 64k;";

/** How the proxy treats traffic, to reproduce the networks edgelit must survive. */
export interface NginxOptions {
  /** Buffer whole answers, ignoring X-Accel-Buffering (a proxy that breaks streaming). */
  buffering?: boolean;
  /** Pass WebSocket upgrades through; without it the proxy refuses them, as many corporate proxies do. */
  websockets?: boolean;
  /** Listen on this port (one the test had to know first, e.g. for a login callback URL); default: a free one. */
  port?: number;
}

/**
 * A real nginx on 127.0.0.1 balancing round robin over `upstreamPorts`, with
 * no session affinity. By default it does not buffer (streams pass through)
 * and refuses WebSocket upgrades. Each answer says which upstream served it
 * in `x-edgelit-upstream`.
 */
export async function startNginx(
  upstreamPorts: number[],
  options: NginxOptions = {},
): Promise<StartedProcess & { url: string }> {
  return startNginxWith(
    (port) => `
  upstream edgelit {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://edgelit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      ${options.buffering ? BUFFERING : "proxy_buffering off;"}
      add_header x-edgelit-upstream $upstream_addr always;
    }
${
  options.websockets
    ? `    location /_edgelit/ws {
      proxy_pass http://edgelit;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host $http_host;
      proxy_read_timeout 1h;
    }`
    : ""
}
  }`,
    options.port,
  );
}

/**
 * A real nginx on 127.0.0.1 (on `listenPort`, or a free port) whose `http` block holds what
 * `serverConfig(port)` returns: upstreams, maps and a server that listens on
 * 127.0.0.1:port. Resolves once it answers `/_edgelit/health`.
 */
export async function startNginxWith(
  serverConfig: (port: number) => string,
  listenPort?: number,
): Promise<StartedProcess & { url: string }> {
  const port = listenPort ?? (await freePort());
  const dir = tempDir("edgelit-nginx-");
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir.path, temp));
  const config = `
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir.path}/nginx.pid;
error_log ${dir.path}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir.path}/body;
  proxy_temp_path ${dir.path}/proxy;
  fastcgi_temp_path ${dir.path}/fastcgi;
  uwsgi_temp_path ${dir.path}/uwsgi;
  scgi_temp_path ${dir.path}/scgi;
${serverConfig(port)}
}`;
  const configFile = join(dir.path, "nginx.conf");
  writeFileSync(configFile, config);
  // Debian puts nginx in /usr/sbin, which is not on every user's PATH.
  const nginx =
    process.env.NGINX_PATH ?? (existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");
  const child = spawn(
    nginx,
    ["-p", dir.path, "-c", configFile, "-e", join(dir.path, "error.log")],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    const up = await fetch(`${url}/_edgelit/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer: ${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        process.kill(child.pid!, "SIGQUIT");
        const timer = setTimeout(
          () => child.exitCode === null && process.kill(child.pid!, "SIGKILL"),
          5000,
        );
        await exited;
        clearTimeout(timer);
      }
      dir.remove();
    },
  };
}
