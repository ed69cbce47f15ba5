/** The process logger: pino, JSON lines on stdout, pretty enough for a terminal. */
import { pino } from 'pino';
import type { Logger } from '../core/ports.ts';

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
