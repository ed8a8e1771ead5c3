// `npm start -- --https`: a self-signed certificate for LAN sessions, made once with the `openssl`
// command and kept under `.data/tls/`. Browsers warn once per device; after that the page is a secure
// context, which the room secret's encryption (crypto.subtle) needs off localhost.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

/** The machine's IPv4 addresses, so the certificate names what participants will type. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4')
    .map((net) => net!.address);
}

export function selfSignedCertificate(dir: string): { key: string; cert: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    const names = ['DNS:localhost', ...lanAddresses().map((ip) => `IP:${ip}`)].join(',');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365', '-subj', '/CN=Pathways Studio',
        '-keyout', keyPath, '-out', certPath, '-addext', `subjectAltName=${names}`], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`--https needs the openssl command to make a certificate in ${dir}: ${(error as Error).message}`);
    }
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
