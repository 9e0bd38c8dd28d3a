/** A tiny static file server for a built site, on 127.0.0.1 and a free port. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `root`: `/path/` answers with `/path/index.html`, anything missing with `404.html`.
 * `replacements` answer some paths with other contents (a larger `graph.json`, say).
 */
export async function serveStatic(root: string, replacements: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const replacement = replacements[path];
    if (replacement !== undefined) {
      response.writeHead(200, { 'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream' }).end(replacement);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const found = file.startsWith(root + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (found?.isDirectory()) {
      response.writeHead(301, { Location: `${path}/` }).end();
      return;
    }
    const served = found?.isFile() ? file : join(root, '404.html');
    response.writeHead(found?.isFile() ? 200 : 404, {
      'Content-Type': contentTypes[extname(served)] ?? 'application/octet-stream',
    });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
