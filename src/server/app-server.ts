import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { ConnectionCounter } from './connections.ts';
import { DEFAULT_LIMITS, MAX_EDITOR_FRAME_BYTES, MAX_SIGNALING_FRAME_BYTES, MAX_VIEWER_FRAME_BYTES, type ServerLimits } from './limits.ts';
import { createRoomStore, ROOM_NAME } from './room-store.ts';
import { serveStatic } from './static.ts';
import { attachSignaling } from './signaling.ts';
import { CLOSE_KEY_REFUSED, CLOSE_REFUSED, createSyncRelay } from './sync-relay.ts';

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
  /** Overrides of limits.ts (the bench plays a whole convening from one address). */
  limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Answers an upgrade we will not serve with a plain HTTP status (no websocket is made). */
function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const distDir = options.distDir ?? join(projectRoot, 'dist');
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    try {
      serveStatic(distDir, req, res);
    } catch (error) {
      console.error(`http: ${req.method} ${JSON.stringify(req.url)}: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
    }
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  // Three websocket servers, one frame limit each: a frame is refused from its header, before it is held.
  const signaling = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNALING_FRAME_BYTES });
  const viewers = new WebSocketServer({ noServer: true, maxPayload: MAX_VIEWER_FRAME_BYTES });
  const editors = new WebSocketServer({ noServer: true, maxPayload: MAX_EDITOR_FRAME_BYTES });
  attachSignaling(signaling);
  const store = createRoomStore(options.dataDir ?? join(projectRoot, '.data', 'rooms'));
  const relay = createSyncRelay(store, limits);
  const connections = new ConnectionCounter(limits, store);

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://x');
    const address = req.socket.remoteAddress ?? 'unknown';
    const tooMany = connections.refuseConnection(address);
    if (tooMany) return refuseUpgrade(socket, 503, tooMany);
    const adopt = (wss: WebSocketServer, then: (ws: WebSocket) => void, editor = false) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        connections.opened(address, editor);
        // A broken or oversized frame costs this connection, never the server (ws closes it with 1009).
        ws.on('error', () => ws.terminate());
        ws.on('close', () => connections.closed(address, editor));
        then(ws);
      });
    if (url.pathname === '/signal') return adopt(signaling, (ws) => signaling.emit('connection', ws, req));
    if (!url.pathname.startsWith('/sync/')) return refuseUpgrade(socket, 404, 'Not Found');
    let room: string;
    try {
      room = decodeURIComponent(url.pathname.slice('/sync/'.length));
    } catch {
      return adopt(viewers, (ws) => ws.close(CLOSE_REFUSED, 'bad room name'));
    }
    if (!ROOM_NAME.test(room)) return adopt(viewers, (ws) => ws.close(CLOSE_REFUSED, 'bad room name'));
    const access = store.access(room, url.searchParams.get('token'));
    if (access === 'refused') return adopt(viewers, (ws) => ws.close(CLOSE_KEY_REFUSED, 'key refused'));
    if (access === 'viewer') return adopt(viewers, (ws) => relay.accept(ws, room, false));
    const overLimit = connections.refuseEditor(address, room);
    if (overLimit) return adopt(viewers, (ws) => ws.close(CLOSE_REFUSED, overLimit));
    return adopt(editors, (ws) => relay.accept(ws, room, true), true);
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head);
    } catch (error) {
      console.error(`upgrade ${JSON.stringify(req.url)}: ${(error as Error).message}`);
      refuseUpgrade(socket, 400, 'Bad Request');
    }
  });
  server.on('clientError', (_error, socket) => refuseUpgrade(socket, 400, 'Bad Request'));

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
        const relayClients = [...viewers.clients, ...editors.clients];
        const relayClosed = relayClients.map((client) => new Promise((done) => client.once('close', done)));
        for (const client of relayClients) client.terminate();
        void Promise.all(relayClosed).then(() => {
          viewers.close();
          editors.close();
          relay.close();
          server.closeAllConnections();
          server.close(() => resolve());
        });
      }),
  };
}
