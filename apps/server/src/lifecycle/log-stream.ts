/**
 * Where a server process writes its log: standard output, without ever waiting on it.
 * Node writes to a pipe synchronously, so a reader that stops reading (a parent that
 * hangs, a full log pipe) stops the whole process — it once let a server ignore
 * SIGTERM for minutes. Here the lines go through an asynchronous file stream on fd 1;
 * when the reader is gone (EPIPE) or has fallen more than `maxBufferedBytes` behind,
 * lines are dropped rather than held, and the process goes on and can stop.
 */
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';

export interface LogStream extends Writable {
  /** Lines dropped because the reader was gone or too slow. */
  readonly dropped: number;
}

export function nonBlockingStdout(maxBufferedBytes = 4 * 1024 * 1024): LogStream {
  const out = createWriteStream('', { fd: 1, autoClose: false });
  let broken = false;
  let dropped = 0;
  out.on('error', () => {
    broken = true;
  });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (broken || out.writableLength > maxBufferedBytes) dropped += 1;
      else out.write(chunk);
      done();
    },
  }) as LogStream;
  Object.defineProperty(stream, 'dropped', { get: () => dropped });
  return stream;
}

/**
 * `console.log` and friends write to process.stdout/stderr, which emit EPIPE as an
 * error once the reader is gone; unhandled, that would end the process mid-request.
 */
export function ignoreBrokenStandardStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
