// A websocket spoken by hand over TCP, for attacks the `ws` client will not make: frames that announce a
// size and dribble it, and a client that stops reading.
import { connect, type Socket } from 'node:net';

/** Performs the upgrade; resolves with the socket once the server answered 101, or null when it refused. */
export function rawUpgrade(port: number, path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => resolve(null));
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      // Frames that came in the same packet as the answer (a close, at once) are read again by the caller.
      const rest = Buffer.from(head.slice(head.indexOf('\r\n\r\n') + 4), 'latin1');
      if (rest.length) socket.unshift(rest);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else {
        socket.destroy();
        resolve(null);
      }
    };
    socket.on('data', onData);
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

/** The header of a masked binary frame announcing `length` payload bytes (the payload follows, masked with zeros). */
export function frameHeader(length: number): Buffer {
  const header = Buffer.alloc(2 + 8 + 4);
  header[0] = 0x82;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header; // mask key 0,0,0,0: the payload goes as is
}

/** Writes `bytes` of payload in chunks, waiting for the socket to drain; stops when the server closes it. */
export async function dribble(socket: Socket, bytes: number, chunk = 64 * 1024): Promise<number> {
  const data = Buffer.alloc(chunk, 7);
  let sent = 0;
  while (sent < bytes && !socket.destroyed && socket.writable) {
    const size = Math.min(chunk, bytes - sent);
    const ok = socket.write(size === chunk ? data : data.subarray(0, size));
    sent += size;
    if (!ok) await new Promise((resolve) => (socket.destroyed ? resolve(null) : socket.once('drain', resolve).once('close', resolve)));
  }
  return sent;
}
