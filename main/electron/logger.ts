/**
 * The shell's log: pino JSON lines in the OS logs folder (…/Recaudo/logs/shell.log), where IT collects them.
 * Falls back to stderr if the folder cannot be written.
 */
import { join } from 'node:path';
import pino from 'pino';
import type { ShellLog } from './shell';

export function createShellLog(logsDir: string): ShellLog {
  let logger: pino.Logger;
  try {
    logger = pino({ base: { scope: 'shell' } }, pino.destination({ dest: join(logsDir, 'shell.log'), mkdir: true, sync: false }));
  } catch {
    logger = pino({ base: { scope: 'shell' } }, pino.destination(2));
  }
  return (level, msg, extra) => {
    if (extra === undefined) logger[level](msg);
    else logger[level]({ err: extra instanceof Error ? { message: extra.message, stack: extra.stack } : extra }, msg);
  };
}
