// The studio's one server: the built app, y-webrtc signaling (`/signal`) on the same origin and port.
// `HOST` and `PORT` choose where it listens (default 127.0.0.1:8080).
import { startServer } from './app-server.ts';

const server = await startServer({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8080),
});
console.log(`Pathways Studio is serving on ${server.url}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
