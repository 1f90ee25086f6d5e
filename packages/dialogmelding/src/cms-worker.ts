/**
 * A worker thread of CmsWorkers (cms-workers.ts): opens and seals messages with the
 * same functions as the main thread, so the CMS work of several messages runs beside
 * the consumer's own (AMQP, PostgreSQL) on another core.
 */
import { parentPort } from 'node:worker_threads';
import { CmsRefused, decryptThenVerify, signThenEncrypt } from './cms.ts';
import type { CmsJob, CmsJobResult } from './cms-workers.ts';

const port = parentPort;
if (!port) throw new Error('cms-worker runs as a worker thread of CmsWorkers');

port.on('message', (job: CmsJob) => {
  if (job.kind === 'ready') return port.postMessage({ id: job.id, bytes: new Uint8Array() } satisfies CmsJobResult);
  const work = job.kind === 'open' ? decryptThenVerify(job.message, job.recipient, job.senderCertificatePem) : signThenEncrypt(job.content, job.signer, job.recipientCertificatePem);
  work.then(
    (bytes) => port.postMessage({ id: job.id, bytes } satisfies CmsJobResult),
    (error: unknown) =>
      port.postMessage({
        id: job.id,
        error: error instanceof CmsRefused ? { reason: error.reason, message: error.message, unverifiedContent: error.unverifiedContent } : { message: error instanceof Error ? error.message : String(error) },
      } satisfies CmsJobResult),
  );
});
