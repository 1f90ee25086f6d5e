import type { Benchmark } from '../lib/context.ts';
import { ingestFigures, runIngest } from '../lib/ingest.ts';
import { pdfOfSize } from '../lib/letters.ts';

/** The same with a 100 KB PDF attached (base64 in the FHIR JSON, ~136 KB a request). */
export const ingestPdf: Benchmark = {
  name: 'ingest-pdf',
  description: 'POST /fhir/R4/Communication with a 100 KB PDF, 16 concurrent senders, vs raw INSERT of message + attachment',
  needsDataset: true,
  async run(context) {
    const pdf = pdfOfSize(100);
    const result = await runIngest(context, { name: 'ingest-pdf', concurrency: 16, pdf });
    return ingestFigures('ingest-pdf', result, pdf.length, undefined);
  },
};
