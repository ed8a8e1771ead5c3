import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** No inline script and no eval anywhere (Ajv's validators are precompiled at build time). */
export function contentSecurityPolicy(host: string | undefined, embed: boolean): string {
  // The relay and signaling sockets are on this same host; 'self' alone does not cover ws: everywhere.
  const sockets = host && /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    // Svelte and cytoscape set element styles; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // An embed link (`?embed=1`) is meant to be framed anywhere; everything else never is.
    embed ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(req: IncomingMessage, embed: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(req.headers.host, embed),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...(embed ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Serves files under `root`; unknown app routes get index.html (a single-page app), missing files 404. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const headers = securityHeaders(req, url.searchParams.get('embed') === '1');
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method Not Allowed', { ...headers, Allow: 'GET, HEAD' });
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return plain(res, 400, 'Bad Request: malformed address', headers);
  }
  if (pathname.includes('\0')) return plain(res, 400, 'Bad Request: malformed address', headers);
  const resolved = normalize(join(root, pathname));
  if (resolved !== root && !resolved.startsWith(root + sep)) return plain(res, 403, 'Forbidden', headers);
  let file = resolved;
  if (!isFile(file)) {
    // A missing script or image must not come back as the app (cached for a year, parsed as the wrong type).
    if (pathname.startsWith('/assets/') || extname(pathname) !== '') return plain(res, 404, 'Not Found', headers);
    file = join(root, 'index.html');
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return plain(res, 404, 'Not built: run `npm start` (it builds the app first).', headers);
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    // Only hashed build output is immutable; index.html and the rest are revalidated.
    'Cache-Control': pathname.startsWith('/assets/') && file !== join(root, 'index.html') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
