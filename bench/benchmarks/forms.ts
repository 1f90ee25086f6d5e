import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { syntheticNationalId } from '@innboks/core';
import { CitizenForms, openDatabase, openSenderRepository, SenderForms } from '@innboks/db';
import { demoSenders } from '../../apps/server/src/demo/demo-data.ts';
import type { Benchmark } from '../lib/context.ts';
import { repoRoot } from '../lib/paths.ts';
import { Latencies, round } from '../lib/stats.ts';

const rounds = 200;
const answerCount = 50;

/**
 * Forms through the citizen scope, one at a time: submitting a completed response of 50
 * answers (lock the order, write the response, complete the order, queue the receipt)
 * beside the same rows written by hand in one transaction; opening a form (the
 * Questionnaire and the draft); and the forms app's bundle after gzip.
 */
export const forms: Benchmark = {
  name: 'forms',
  description: 'submit a 50-answer form vs the same rows inserted directly; open a form (Questionnaire + draft); forms bundle gzip',
  needsDataset: false,
  async run(context) {
    const handle = await openDatabase({ url: context.databaseUrl, poolSize: 2 });
    const db = handle.db;
    try {
      const sender = demoSenders.find((candidate) => candidate.clientId === 'folkehelseundersokelsen')!;
      const organization = (await openSenderRepository(db, { clientId: sender.clientId, organizationNumber: sender.organizationNumber }))!.organization;
      const senderForms = new SenderForms(db, organization);
      const url = `https://bench.example.no/skjema/${Date.now()}`;
      const item = Array.from({ length: answerCount }, (_, index) => ({ linkId: `q${index}`, type: 'integer', text: `Spørsmål ${index + 1}` }));
      await senderForms.publish({ url, version: '1', status: 'active', title: 'Benk', allCitizens: false, resource: { resourceType: 'Questionnaire', url, version: '1', status: 'active', title: 'Benk', item } }, new Date());
      const answers = item.map((question, index) => ({ linkId: question.linkId, answer: [{ valueInteger: index }] }));

      const orders: { citizenId: string; taskId: string; nationalId: string }[] = [];
      for (let index = 0; index < rounds * 2; index++) {
        const nationalId = syntheticNationalId('1971-05-17', 100 + index);
        const ordered = await senderForms.order(
          { identifier: { system: url, value: String(index) }, citizenNationalId: nationalId, requesterOrganizationNumber: sender.organizationNumber, questionnaire: { url, version: '1' }, closesAt: null, description: null, representativeAccess: null },
          new Date(),
        );
        if (ordered.outcome !== 'created') throw new Error(`order ${index}: ${ordered.outcome}`);
        const citizen = await db.selectFrom('citizen_by_national_id').select('citizen_id').where('national_id', '=', nationalId).executeTakeFirstOrThrow();
        orders.push({ citizenId: citizen.citizen_id, taskId: ordered.task.id, nationalId });
      }
      const [oursOrders, rawOrders] = [orders.slice(0, rounds), orders.slice(rounds)];

      const ours = new Latencies();
      const oursStart = performance.now();
      for (const order of oursOrders) {
        const before = performance.now();
        const outcome = await new CitizenForms(db, order.citizenId, { nationalId: order.nationalId, relation: null }).submit({ kind: 'task', taskId: order.taskId }, answers, new Date());
        ours.add(performance.now() - before);
        if (outcome.outcome !== 'submitted') throw new Error(`submit: ${outcome.outcome}`);
      }
      const oursPerSecond = rounds / ((performance.now() - oursStart) / 1000);

      // The ceiling: the same rows (response, order completed, receipt job) with no checks and no lock.
      const raw = new Latencies();
      const rawStart = performance.now();
      for (const order of rawOrders) {
        const before = performance.now();
        await db.transaction().execute(async (tx) => {
          const { rows } = await sql<{ id: string }>`
            insert into form_response (citizen_id, questionnaire_id, organization_id, task_id, status, items, author_national_id, authored_at, created_at, updated_at)
            select citizen_id, questionnaire_id, organization_id, id, 'completed', ${JSON.stringify(answers)}::jsonb, ${order.nationalId}, now(), now(), now()
            from form_task where id = ${order.taskId} returning id`.execute(tx);
          await sql`update form_task set status = 'completed', response_id = ${rows[0]!.id}, updated_at = now() where id = ${order.taskId}`.execute(tx);
          await sql`insert into job (citizen_id, kind, payload, run_at) values (${order.citizenId}, 'form-receipt', ${JSON.stringify({ citizenId: order.citizenId, responseId: rows[0]!.id })}::jsonb, now())`.execute(tx);
        });
        raw.add(performance.now() - before);
      }
      const rawPerSecond = rounds / ((performance.now() - rawStart) / 1000);
      // The receipts these submits queued are not part of the figure.
      await sql`delete from job where kind = 'form-receipt'`.execute(db);

      const open = new Latencies();
      for (const order of oursOrders) {
        const before = performance.now();
        await new CitizenForms(db, order.citizenId, { nationalId: order.nationalId, relation: null }).open({ kind: 'task', taskId: order.taskId }, new Date());
        open.add(performance.now() - before);
      }

      const bundle = await formsBundleGzipKb();
      const submitP99 = ours.percentile(99);
      const openP99 = open.percentile(99);
      return [
        {
          benchmark: 'forms',
          figure: 'submit 50 answers/s (one at a time)',
          ours: round(oursPerSecond),
          ceiling: round(rawPerSecond),
          ratio: round(oursPerSecond / rawPerSecond, 2),
          goal: 'ratio ≥ 0.5',
          met: oursPerSecond / rawPerSecond >= 0.5,
          note: 'ours: CitizenForms.submit (order locked FOR UPDATE, response, order completed, receipt job); raw: the same three rows by hand in one transaction',
        },
        { benchmark: 'forms', figure: 'submit p99 ms', ours: round(submitP99, 2), ceiling: round(raw.percentile(99), 2), goal: '≤ 50 ms', met: submitP99 <= 50 },
        { benchmark: 'forms', figure: 'open form p99 ms', ours: round(openP99, 2), goal: '≤ 20 ms', met: openP99 <= 20, note: 'CitizenForms.open: the Questionnaire and the response in one statement' },
        { benchmark: 'forms', figure: 'forms bundle kB gzip', ours: round(bundle.totalKb, 1), goal: 'reported', note: `all ${bundle.files} JS chunks together (the design system's icons and illustrations are chunks of their own, fetched only when drawn); loaded only when a form is opened, never by the inbox` },
      ];
    } finally {
      await handle.close();
    }
  },
};

async function formsBundleGzipKb(): Promise<{ totalKb: number; files: number }> {
  await promisify(execFile)('npm', ['run', 'build', '--workspace', '@innboks/forms-web'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  const assets = path.join(repoRoot, 'apps/forms-web/dist/assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(path.join(assets, file)), { level: 9 }).length;
  return { totalKb: total / 1024, files: files.length };
}
