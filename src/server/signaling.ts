// The y-webrtc signaling protocol (subscribe / unsubscribe / publish / ping), as its own
// bin/server.js speaks it, so browsers find each other through this server and nothing else.
// Bounded: topics per connection and in total, topic names, and what a subscriber that stops reading
// may make the server hold (limits.ts).
import type { WebSocket, WebSocketServer } from 'ws';
import {
  MAX_SIGNALING_FRAME_BYTES, MAX_SIGNALING_SEND_BUFFER_BYTES, MAX_TOPIC_LENGTH, MAX_TOPICS_PER_CONNECTION, MAX_TOPICS_TOTAL,
} from './limits.ts';

const PING_INTERVAL_MS = 30_000;

export { MAX_SIGNALING_FRAME_BYTES as MAX_SIGNALING_MESSAGE_BYTES };

/** Sends unless the receiver has stopped reading, in which case it is dropped. */
function sendBounded(conn: WebSocket, text: string): void {
  if (conn.readyState !== conn.OPEN) return;
  if (conn.bufferedAmount > MAX_SIGNALING_SEND_BUFFER_BYTES) {
    console.warn('signaling: dropped a connection that stopped reading');
    conn.terminate();
    return;
  }
  conn.send(text);
}

export function attachSignaling(wss: WebSocketServer): Map<string, Set<WebSocket>> {
  const topics = new Map<string, Set<WebSocket>>();
  wss.on('connection', (conn: WebSocket) => {
    const subscribed = new Set<string>();
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) {
        conn.terminate();
        return;
      }
      alive = false;
      conn.ping();
    }, PING_INTERVAL_MS);
    conn.on('pong', () => (alive = true));
    conn.on('error', () => conn.terminate());
    const unsubscribe = (name: string) => {
      const subs = topics.get(name);
      subs?.delete(conn);
      if (subs?.size === 0) topics.delete(name);
      subscribed.delete(name);
    };
    conn.on('close', () => {
      clearInterval(ping);
      for (const name of [...subscribed]) unsubscribe(name);
    });
    const subscribe = (name: string) => {
      if (subscribed.has(name) || name.length > MAX_TOPIC_LENGTH || subscribed.size >= MAX_TOPICS_PER_CONNECTION) return;
      let subs = topics.get(name);
      if (!subs) {
        if (topics.size >= MAX_TOPICS_TOTAL) return;
        topics.set(name, (subs = new Set()));
      }
      subs.add(conn);
      subscribed.add(name);
    };
    conn.on('message', (data: Buffer, isBinary: boolean) => {
      try {
        if (isBinary || data.length > MAX_SIGNALING_FRAME_BYTES) return;
        const message: unknown = JSON.parse(data.toString());
        if (!message || typeof message !== 'object') return;
        const { type, topics: names, topic } = message as Record<string, unknown>;
        const list = Array.isArray(names) ? names.slice(0, MAX_TOPICS_PER_CONNECTION).filter((t): t is string => typeof t === 'string') : [];
        switch (type) {
          case 'subscribe':
            for (const name of list) subscribe(name);
            break;
          case 'unsubscribe':
            for (const name of list) unsubscribe(name);
            break;
          case 'publish': {
            const receivers = typeof topic === 'string' ? topics.get(topic) : undefined;
            if (!receivers) break;
            const out = JSON.stringify({ ...(message as object), clients: receivers.size });
            for (const receiver of receivers) sendBounded(receiver, out);
            break;
          }
          case 'ping':
            sendBounded(conn, JSON.stringify({ type: 'pong' }));
            break;
        }
      } catch {
        // Malformed JSON (or anything else a client sends) costs nothing but this message.
      }
    });
  });
  return topics;
}
