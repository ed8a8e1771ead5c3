// Helpers for talking to the project's server from Node as a real client would (or as an attacker would).
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export function wsUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}${path}`;
}

/**
 * An honest y-websocket client (the studio's own provider) on the relay. `localAddress` (e.g. 127.0.0.2)
 * makes it another machine as far as the server's per-address bounds go.
 */
export function relayProvider(serverUrl: string, room: string, doc: Y.Doc, token: string | null, localAddress?: string): WebsocketProvider {
  const Socket = localAddress
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { localAddress });
        }
      }
    : WebSocket;
  return new WebsocketProvider(wsUrl(serverUrl, '/sync'), room, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
}

export const synced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', (ok: boolean) => ok && resolve())));

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A raw socket: resolves once open (or rejects with the upgrade's refusal). */
export function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  socket.on('error', () => {});
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.once('close', (code) => reject(new Error(`closed before open: ${code}`)));
  });
}

export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve({ code: -1, reason: 'already closed' });
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}
