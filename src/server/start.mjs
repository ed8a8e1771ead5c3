// `npm start`: install if needed, build the studio, then serve it with the collaboration server.
import { spawn } from 'node:child_process';
import { ensureInstalled, projectRoot, run } from './ensure-install.mjs';

ensureInstalled();
if (!process.env.SKIP_BUILD) run('npx vite build --logLevel warn');
const child = spawn('npx', ['tsx', 'src/server/main.ts', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
