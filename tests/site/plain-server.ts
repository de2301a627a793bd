// A plain static file server for dist/, as a simple static host behaves (python3 -m http.server,
// an S3 bucket, nginx without rules): a URL path is the file path; a path ending in "/" serves that
// folder's index.html; nothing else is rewritten (no /x → x.html). Used by tests/site/hosting.test.ts
// to prove that every link works without a rewrite rule (the browser runner uses serveDist with
// rewrite: false from tests/browser/harness.ts, which behaves the same).
import {createServer} from "node:http";
import {existsSync, readFileSync, statSync} from "node:fs";
import {extname, join, resolve, sep} from "node:path";
import type {AddressInfo} from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm"
};

export interface PlainServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePlain(dist = resolve("dist")): Promise<PlainServer> {
  const root = resolve(dist);
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const base = resolve(root, "." + pathname);
    if (base !== root && !base.startsWith(root + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    const file = pathname.endsWith("/") ? join(base, "index.html") : base;
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store"});
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const {port} = server.address() as AddressInfo;
  return {origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok()))};
}

/** Local references in a built page: href/src attributes, module imports and registered files. */
export function localReferences(html: string): string[] {
  const refs = new Set<string>();
  const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "");
  for (const m of withoutScripts.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)) refs.add(m[1]);
  for (const m of html.matchAll(/<script\b[^>]*\ssrc\s*=\s*"([^"]*)"/gi)) refs.add(m[1]);
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    for (const i of m[1].matchAll(/(?<![.\w$])(?:from|import)\s*\(?\s*"([^"\s]+)"/g)) refs.add(i[1]);
    for (const f of m[1].matchAll(/"path":"([^"]+)"/g)) refs.add(f[1]);
  }
  return [...refs].filter((r) => r !== "" && !r.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(r) && !r.startsWith("//"));
}
