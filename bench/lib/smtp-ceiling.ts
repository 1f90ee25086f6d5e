/**
 * The raw ceiling for notices: the same number of e-mails straight to the same local
 * SMTP server through the same adapter the worker uses (nodemailer, pooled, 4
 * connections each), `concurrency` in flight: no database, no queue, no plan.
 */
import { performance } from 'node:perf_hooks';
import { SmtpEmailSender } from '@innboks/channels';
import { Latencies } from './stats.ts';

export interface SmtpCeiling {
  mails: number;
  perSecond: number;
  latency: Latencies;
}

export async function smtpCeiling(options: { url: string; count: number; concurrency: number; senders: number }): Promise<SmtpCeiling> {
  // One pooled sender per worker process, as the workers have.
  const senders = Array.from(
    { length: options.senders },
    () => new SmtpEmailSender({ url: options.url, from: 'Helsenorge <ikke-svar@innboks.bench>', timeoutMs: 10_000, pool: true }),
  );
  const text = 'Du har fått en ny melding på Helsenorge. Logg inn for å lese den.';
  const latency = new Latencies();
  try {
    await Promise.all(senders.map((sender, index) => sender.send({ to: `warmup-${index}@ceiling.bench.test`, subject: 'Ny melding', text, reference: `warmup-${index}` })));
    let next = 0;
    const started = performance.now();
    const lane = async (lane: number) => {
      const sender = senders[lane % senders.length]!;
      for (let index = next++; index < options.count; index = next++) {
        const begin = performance.now();
        await sender.send({ to: `person-${index}@ceiling.bench.test`, subject: 'Ny melding på Helsenorge', text, reference: `ceiling-${index}` });
        latency.add(performance.now() - begin);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, (_, index) => lane(index)));
    const seconds = (performance.now() - started) / 1000;
    return { mails: options.count, perSecond: options.count / seconds, latency };
  } finally {
    senders.forEach((sender) => sender.close());
  }
}
