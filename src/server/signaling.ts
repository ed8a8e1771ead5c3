// The y-webrtc signaling protocol (subscribe / unsubscribe / publish / ping), as its own
// bin/server.js speaks it, so browsers find each other through this server and nothing else.
import type { WebSocket, WebSocketServer } from 'ws';

const PING_INTERVAL_MS = 30_000;
/** Signaling messages are small SDP offers and answers; anything larger is abuse. */
const MAX_MESSAGE_BYTES = 256 * 1024;

export { MAX_MESSAGE_BYTES as MAX_SIGNALING_MESSAGE_BYTES };

export function attachSignaling(wss: WebSocketServer): Map<string, Set<WebSocket>> {
  const topics = new Map<string, Set<WebSocket>>();
  wss.on('connection', (conn: WebSocket) => {
    const subscribed = new Set<string>();
    let alive = true;
    const send = (message: unknown) => {
      if (conn.readyState === conn.OPEN) conn.send(JSON.stringify(message));
    };
    const ping = setInterval(() => {
      if (!alive) {
        conn.terminate();
        return;
      }
      alive = false;
      conn.ping();
    }, PING_INTERVAL_MS);
    conn.on('pong', () => (alive = true));
    // A broken or oversized frame must cost this connection, never the server.
    conn.on('error', () => conn.terminate());
    conn.on('close', () => {
      clearInterval(ping);
      for (const name of subscribed) {
        const subs = topics.get(name);
        subs?.delete(conn);
        if (subs?.size === 0) topics.delete(name);
      }
    });
    conn.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary || data.length > MAX_MESSAGE_BYTES) return;
      let message: { type?: unknown; topics?: unknown; topic?: unknown; [k: string]: unknown };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (!message || typeof message.type !== 'string') return;
      const names = Array.isArray(message.topics) ? message.topics.filter((t): t is string => typeof t === 'string') : [];
      switch (message.type) {
        case 'subscribe':
          for (const name of names) {
            if (!topics.has(name)) topics.set(name, new Set());
            topics.get(name)!.add(conn);
            subscribed.add(name);
          }
          break;
        case 'unsubscribe':
          for (const name of names) {
            topics.get(name)?.delete(conn);
            subscribed.delete(name);
          }
          break;
        case 'publish':
          if (typeof message.topic === 'string') {
            const receivers = topics.get(message.topic);
            if (receivers) {
              const out = { ...message, clients: receivers.size };
              for (const receiver of receivers) if (receiver.readyState === receiver.OPEN) receiver.send(JSON.stringify(out));
            }
          }
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
      }
    });
  });
  return topics;
}
