// The server's last resort (issue 12): whatever a client manages to throw past every request and upgrade
// handler is logged, and the session goes on. One line each, capped, so errors provoked in a loop cannot
// write megabytes of a client's data into the log.
export const MAX_LAST_RESORT_LINE = 4000;

/** The line logged for an error or rejection that reached the process: its stack (or value), capped. */
export function lastResortLine(what: 'error' | 'rejection', reason: unknown): string {
  const detail = reason instanceof Error ? (reason.stack ?? `${reason.name}: ${reason.message}`) : String(reason);
  const line = `Unexpected ${what} (still serving): ${detail}`;
  return line.length > MAX_LAST_RESORT_LINE ? `${line.slice(0, MAX_LAST_RESORT_LINE)}… (${line.length - MAX_LAST_RESORT_LINE} more characters)` : line;
}

/** Installs the handlers; Node then logs instead of exiting on an uncaught exception or unhandled rejection. */
export function installLastResort(target: Pick<NodeJS.Process, 'on'> = process, log: (line: string) => void = (line) => console.error(line)): void {
  target.on('uncaughtException', (error) => log(lastResortLine('error', error)));
  target.on('unhandledRejection', (reason) => log(lastResortLine('rejection', reason)));
}
