/**
 * The registry: one file per benchmark, run in this order. A new benchmark is a
 * file exporting a `Benchmark` and one line here.
 */
import type { Benchmark } from '../lib/context.ts';
import { ingestText } from './ingest-text.ts';
import { ingestPdf } from './ingest-pdf.ts';
import { inbox } from './inbox.ts';
import { inboxHeavy } from './inbox-heavy.ts';
import { search } from './search.ts';
import { scaleOut } from './scale-out.ts';
import { delivery } from './delivery.ts';
import { embedded } from './embedded.ts';
import { webBundle } from './web-bundle.ts';
import { queueSideBySide } from './queue-side-by-side.ts';
import { dialogmeldingIntake } from './dialogmelding-intake.ts';
import { forms } from './forms.ts';

export const benchmarks: Benchmark[] = [ingestText, ingestPdf, inbox, inboxHeavy, search, scaleOut, delivery, embedded, webBundle, queueSideBySide, forms, dialogmeldingIntake];
