import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** nginx from Debian, when installed (apt-get install nginx): the benchmark's anchor. */
export const nginxBinary = () =>
  ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate)) ?? null;

export { freePort } from "../tests/support/ports";

/** Waits until something answers on the port. */
export async function waitForPort(port: number, seconds = 60) {
  for (let tries = 0; tries < seconds * 10; tries += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`rien n'écoute sur le port ${port}`);
}

/** One nginx process (one worker, as fair to a single-threaded portal) serving `servers`. */
export async function startNginx(servers: (prefix: string) => string, port: number) {
  const binary = nginxBinary();
  if (!binary) return null;
  const prefix = mkdtempSync(path.join(os.tmpdir(), "aect-nginx-"));
  // nginx's workers run as an unprivileged user: they must read the pages and keep a cache.
  chmodSync(prefix, 0o755);
  writeFileSync(
    path.join(prefix, "nginx.conf"),
    `daemon off; worker_processes 1; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log;
events { worker_connections 2048; }
http {
  access_log off; default_type text/html; keepalive_requests 1000000;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  ${servers(prefix)}
}`,
  );
  const child: ChildProcess = spawn(binary, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], {
    stdio: "ignore",
  });
  await waitForPort(port);
  return { prefix, stop: () => child.kill("SIGQUIT") };
}

/** nginx serving fixed copies of pages, one file per path (query strings ignored). */
export function staticPages(pages: { path: string; body: string; type: string }[], port: number) {
  return startNginx((prefix) => {
    mkdirSync(path.join(prefix, "pages"), { recursive: true });
    const locations = pages.map((page, i) => {
      const file = path.join(prefix, "pages", `page-${i}`);
      writeFileSync(file, page.body);
      // try_files, not alias: "/" would otherwise look for an index file.
      return `location = ${new URL(page.path, "http://x").pathname} {
        default_type "${page.type}"; root ${prefix}; try_files /pages/page-${i} =404; }`;
    });
    return `server { listen 127.0.0.1:${port}; ${locations.join("\n")} }`;
  }, port);
}

/** nginx as the README deploys it (deploy/nginx), in front of the given portal instances. */
export function portalProxy(root: string, instancePorts: number[], port: number) {
  const template = readFileSync(path.join(root, "deploy/nginx/portail-aect.conf.template"), "utf8");
  return startNginx((prefix) => {
    const values: Record<string, string> = {
      PORTAIL_ROOT: root,
      LISTEN: `127.0.0.1:${port}`,
      CACHE_DIR: path.join(prefix, "cache"),
      UPSTREAM_SERVERS: instancePorts.map((p) => `server 127.0.0.1:${p};`).join(" "),
    };
    return template.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }, port);
}
