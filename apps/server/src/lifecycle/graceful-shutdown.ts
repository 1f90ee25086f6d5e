/**
 * What a server or worker process does on SIGTERM (and SIGINT): stop taking requests
 * and let those in flight finish (Fastify's close), stop claiming jobs and finish
 * the ones in hand, close the database, exit 0. Whatever is not done within the grace
 * time is left: the process exits 1, and its jobs' leases run out so another worker
 * takes them (every job is safe to run twice). The deadline is a timer of its own,
 * so a step that hangs cannot keep the process alive.
 */
import type { FastifyInstance } from 'fastify';
export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface ShutdownOptions {
  graceMs: number;
  steps: ShutdownStep[];
  log: { info(object: unknown, message: string): void; error(object: unknown, message: string): void };
  exit?: (code: number) => void;
}

export function shutDownOnSignals(options: ShutdownOptions): { shutdown(signal: string): Promise<void> } {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) =>
    (closing ??= (async () => {
      options.log.info({ signal, graceMs: options.graceMs }, 'shutting down');
      const deadline = setTimeout(() => {
        options.log.error({ graceMs: options.graceMs }, 'shutdown took longer than the grace time; exiting with work left to the leases');
        exit(1);
      }, options.graceMs);
      let code = 0;
      for (const step of options.steps) {
        try {
          await step.run();
        } catch (error) {
          code = 1;
          options.log.error({ step: step.name, error: error instanceof Error ? error.message : String(error) }, 'shutdown step failed');
        }
      }
      clearTimeout(deadline);
      exit(code);
    })());
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return { shutdown };
}

/**
 * Fastify's close: no new connections, a 503 with `Connection: close` to any request
 * still arriving, and done when every connection has ended. Node closes the idle
 * keep-alive connections once, when the close starts; a connection whose request was
 * in flight then stays open after its answer until the keep-alive timeout (72 s). So
 * while closing, idle ones are closed again every moment: each in-flight request
 * gets its answer, and then its connection goes.
 */
export async function closeHttp(app: FastifyInstance, everyMs = 100): Promise<void> {
  const reap = setInterval(() => app.server.closeIdleConnections(), everyMs);
  try {
    await app.close();
  } finally {
    clearInterval(reap);
  }
}
