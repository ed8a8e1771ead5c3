// The studio's one server: the built app, y-webrtc signaling (`/signal`) and the convening relay
// (`/sync/<room>`) on the same origin and port. `HOST` and `PORT` choose where it listens (default
// 127.0.0.1:8080); `--https` serves with a self-signed certificate (for LAN sessions).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app-server.ts';
import { installLastResort } from './last-resort.ts';
import { lanAddresses, selfSignedCertificate } from './tls.ts';

// Last resort: whatever a client manages to throw past the handlers is logged, and the session goes on.
installLastResort();

// PATHWAYS_DATA_DIR moves the rooms and certificate elsewhere (tests run the server against a temp folder).
const dataDir = process.env.PATHWAYS_DATA_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.data');
const https = process.argv.includes('--https');
const server = await startServer({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8080),
  dataDir: join(dataDir, 'rooms'),
  distDir: process.env.PATHWAYS_DIST_DIR,
  tls: https ? selfSignedCertificate(join(dataDir, 'tls')) : undefined,
});
console.log(`Pathways Studio is serving on ${server.url}`);
if (process.env.HOST === '0.0.0.0') {
  const addresses = lanAddresses().filter((ip) => !ip.startsWith('127.'));
  for (const ip of addresses) console.log(`  participants on this network open ${https ? 'https' : 'http'}://${ip}:${server.port}`);
  if (!https) console.log('  (rooms are peer to peer only over https: add --https, see the README)');
}
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
