import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { serveStatic } from './static.ts';
import { attachSignaling } from './signaling.ts';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built app (vite build output). */
  distDir?: string;
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
  const server = createServer((req, res) => serveStatic(distDir, req, res));
  const signaling = new WebSocketServer({ noServer: true });
  attachSignaling(signaling);
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/signal') signaling.handleUpgrade(req, socket, head, (ws) => signaling.emit('connection', ws, req));
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
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of signaling.clients) client.terminate();
        signaling.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
