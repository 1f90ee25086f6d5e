import type { Benchmark } from '../lib/context.ts';
import { ingestFigures, runIngest } from '../lib/ingest.ts';

/** POST /fhir/R4/Communication with a text letter (~800 bytes), 16 concurrent senders. */
export const ingestText: Benchmark = {
  name: 'ingest-text',
  description: 'POST /fhir/R4/Communication, text letter (~800 bytes), 16 concurrent senders, vs raw INSERT',
  needsDataset: true,
  async run(context) {
    const result = await runIngest(context, { name: 'ingest-text', concurrency: 16 });
    return ingestFigures('ingest-text', result, undefined, 0.5);
  },
};
