import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { serveStatic } from './static.ts';
import { attachSignaling, MAX_SIGNALING_MESSAGE_BYTES } from './signaling.ts';
import { createSyncRelay, MAX_SYNC_MESSAGE_BYTES } from './sync-relay.ts';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built app (vite build output). */
  distDir?: string;
  /** Where convening rooms persist (default `.data/rooms` in the project). */
  dataDir?: string;
  /** Serve over HTTPS with this certificate (see tls.ts). */
  tls?: { key: string; cert: string };
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const distDir = options.distDir ?? join(projectRoot, 'dist');
  const handler = (req: Parameters<typeof serveStatic>[1], res: Parameters<typeof serveStatic>[2]) => serveStatic(distDir, req, res);
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  const signaling = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNALING_MESSAGE_BYTES });
  attachSignaling(signaling);
  const sync = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });
  const relay = createSyncRelay(options.dataDir ?? join(projectRoot, '.data', 'rooms'));
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/signal') signaling.handleUpgrade(req, socket, head, (ws) => signaling.emit('connection', ws, req));
    else if (path.startsWith('/sync/')) sync.handleUpgrade(req, socket, head, (ws) => relay.accept(ws, req));
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of signaling.clients) client.terminate();
        signaling.close();
        // Each relay room is written to disk as its last connection closes: wait for those closes, so
        // nothing is written after the caller has moved on (or removed the data folder).
        const relayClosed = [...sync.clients].map((client) => new Promise((done) => client.once('close', done)));
        for (const client of sync.clients) client.terminate();
        void Promise.all(relayClosed).then(() => {
          sync.close();
          relay.close();
          server.closeAllConnections();
          server.close(() => resolve());
        });
      }),
  };
}
