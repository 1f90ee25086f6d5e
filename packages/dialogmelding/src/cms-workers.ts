/**
 * Opening and sealing messages on worker threads. The CMS work is a large part of a
 * message's CPU in the consumer (~0.6–0.9 ms to open, ~0.3 to read, ~0.6–0.8 ms to
 * seal the AppRec — most of it the two RSA private-key operations — against ~1.5 ms
 * for AMQP and storing); on the main thread it would cap one consumer at one core
 * however many messages are in flight. With workers the
 * messages the AMQP link has in flight (its prefetch) are opened side by side.
 *
 * The same functions as cms.ts, with the same refusals (CmsRefused crosses the thread
 * as its reason, text and unverified content). A worker that dies fails the jobs it
 * had — the consumer releases those messages for another try — and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { CmsRefused, decryptThenVerify, signThenEncrypt, type Party } from './cms.ts';

export type CmsJob =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'open'; message: Uint8Array; recipient: Party; senderCertificatePem: string }
  | { id: number; kind: 'seal'; content: Uint8Array; signer: Party; recipientCertificatePem: string };

export type CmsJobResult =
  | { id: number; bytes: Uint8Array; error?: undefined }
  | { id: number; bytes?: undefined; error: { reason?: CmsRefused['reason']; message: string; unverifiedContent?: Uint8Array | undefined } };

/** What the consumer needs of CMS: cms.ts's functions, on this thread or on workers. */
export interface Cms {
  decryptThenVerify(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array>;
  signThenEncrypt(content: Uint8Array, signer: Party, recipientCertificatePem: string): Promise<Uint8Array>;
}

/** On the calling thread. */
export const cmsOnThisThread: Cms = { decryptThenVerify, signThenEncrypt };

/** A job before it has its id (Omit spread over the union's members). */
type NewJob = CmsJob extends infer Job ? (Job extends CmsJob ? Omit<Job, 'id'> : never) : never;

type Pending = { resolve(bytes: Uint8Array): void; reject(error: Error): void };

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Run from the TypeScript sources (tests, tsx) the worker is cms-worker.ts under tsx; in the server bundle, dist/cms-worker.js beside this code.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './cms-worker.ts' : './cms-worker.js', import.meta.url);

export class CmsWorkers implements Cms {
  private readonly threads: (Thread | undefined)[];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`CmsWorkers needs at least one thread, not ${size}`);
    this.threads = Array.from({ length: size }, () => undefined);
  }

  decryptThenVerify(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array> {
    return this.run({ kind: 'open', message, recipient, senderCertificatePem });
  }

  signThenEncrypt(content: Uint8Array, signer: Party, recipientCertificatePem: string): Promise<Uint8Array> {
    return this.run({ kind: 'seal', content, signer, recipientCertificatePem });
  }

  /** Starts every thread and resolves when each has loaded its code and answered: the first messages do not wait for that, nor pay for it. */
  async ready(): Promise<void> {
    await Promise.all(this.threads.map((_, index) => this.send(this.threads[index] ?? this.start(index), { kind: 'ready' })));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread?.worker.terminate()));
  }

  private run(job: NewJob): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('the CMS workers are closed'));
    return this.send(this.leastBusy(), job);
  }

  private send(thread: Thread, job: NewJob): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ ...job, id } as CmsJob);
    });
  }

  private leastBusy(): Thread {
    let best = 0;
    for (let index = 0; index < this.threads.length; index++) {
      if (!this.threads[index]) return this.start(index);
      if (this.threads[index]!.pending.size < this.threads[best]!.pending.size) best = index;
    }
    return this.threads[best]!;
  }

  private start(index: number): Thread {
    // From source the worker first registers tsx's loader (a worker's --import is not applied to its entry on Node 20).
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`, { eval: true })
      : new Worker(workerUrl);
    const thread: Thread = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (result: CmsJobResult) => {
      const waiting = thread.pending.get(result.id);
      if (!waiting) return;
      thread.pending.delete(result.id);
      if (result.error === undefined) waiting.resolve(result.bytes);
      else if (result.error.reason) waiting.reject(new CmsRefused(result.error.reason, result.error.message, result.error.unverifiedContent));
      else waiting.reject(new Error(result.error.message));
    });
    const failAll = (error: Error) => {
      if (this.threads[index] === thread) this.threads[index] = undefined;
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`a CMS worker thread ended (exit code ${code})`)));
    this.threads[index] = thread;
    return thread;
  }
}
