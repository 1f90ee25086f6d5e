/**
 * Checks the access log's hash chain. Each row's hash is
 * sha256(field(seq) field(at in µs) field(staff_id) field(staff_name) field(service_id)
 * field(service_name) field(citizen_id) field(object_type) field(object_id)
 * field(thread_id) field(prev_hash)), with field(v) = "<UTF-8 byte length>:<v>;",
 * as the database's insert trigger computes it (migration 0005). A row changed or
 * removed behind the triggers' back breaks the chain at that row.
 *
 * The chain has no secret: the table's owner can rewrite rows and compute the chain
 * again. So each row also has a seal (migration 0014), HMAC-SHA256 of its hash under
 * a key the database does not hold; a rewritten row's hash has no valid seal, and a
 * row without a seal after the first sealed one was written without the key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

export const accessLogGenesisHash = '0'.repeat(64);

export interface AccessLogChainRow {
  seq: string;
  atMicros: string;
  staffId: string;
  staffName: string;
  serviceId: string;
  serviceName: string;
  citizenId: string;
  objectType: string;
  objectId: string;
  threadId: string;
  prevHash: string;
}

const field = (value: string) => `${Buffer.byteLength(value, 'utf8')}:${value};`;

export function accessLogRowHash(row: AccessLogChainRow): string {
  const canonical = [row.seq, row.atMicros, row.staffId, row.staffName, row.serviceId, row.serviceName, row.citizenId, row.objectType, row.objectId, row.threadId, row.prevHash]
    .map(field)
    .join('');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The seal of a row: HMAC-SHA256 of its chain hash under the access-log key. */
export function accessLogSeal(key: string, hash: string): string {
  return createHmac('sha256', key).update(hash, 'utf8').digest('hex');
}

function sealFits(key: string, hash: string, mac: string): boolean {
  const expected = Buffer.from(accessLogSeal(key, hash), 'utf8');
  const given = Buffer.from(mac, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface AccessLogProblem {
  seq: number;
  problem: string;
}

export interface AccessLogVerification {
  ok: boolean;
  rows: number;
  problems: AccessLogProblem[];
}

/** Walks the whole chain in order, in pages; reports every row that does not fit its chain or its seal. */
export async function verifyAccessLog(db: Kysely<Database>, key: string, pageSize = 1000): Promise<AccessLogVerification> {
  const problems: AccessLogProblem[] = [];
  const firstSeal = await db.selectFrom('access_log_seal').select((eb) => eb.fn.min('seq').as('seq')).executeTakeFirst();
  const firstSealedSeq = firstSeal?.seq === null || firstSeal?.seq === undefined ? undefined : Number(firstSeal.seq);
  let expectedSeq = 1;
  let previousHash = accessLogGenesisHash;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await sql<{
      seq: string;
      at_micros: string;
      staff_id: string;
      staff_name: string;
      service_id: string;
      service_name: string;
      citizen_id: string;
      object_type: string;
      object_id: string;
      thread_id: string;
      prev_hash: string;
      hash: string;
      mac: string | null;
    }>`select access_log.seq::text as seq, ((extract(epoch from at) * 1000000)::bigint)::text as at_micros,
         staff_id::text as staff_id, staff_name, service_id::text as service_id, service_name, citizen_id::text as citizen_id,
         object_type, object_id::text as object_id, thread_id::text as thread_id, prev_hash, hash, access_log_seal.mac
       from access_log left join access_log_seal on access_log_seal.seq = access_log.seq
       where access_log.seq > ${after} order by access_log.seq limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      const seq = Number(row.seq);
      rows += 1;
      if (seq !== expectedSeq) problems.push({ seq, problem: `expected row ${expectedSeq} next, found ${seq}: rows are missing` });
      if (row.prev_hash !== previousHash) problems.push({ seq, problem: 'prev_hash does not match the hash of the row before it' });
      const recomputed = accessLogRowHash({
        seq: row.seq,
        atMicros: row.at_micros,
        staffId: row.staff_id,
        staffName: row.staff_name,
        serviceId: row.service_id,
        serviceName: row.service_name,
        citizenId: row.citizen_id,
        objectType: row.object_type,
        objectId: row.object_id,
        threadId: row.thread_id,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) problems.push({ seq, problem: 'the row was altered: its contents do not give its hash' });
      if (row.mac !== null && !sealFits(key, row.hash, row.mac)) problems.push({ seq, problem: 'the seal does not fit: the row was rewritten without the key' });
      if (row.mac === null && firstSealedSeq !== undefined && seq > firstSealedSeq) problems.push({ seq, problem: 'the row has no seal: it was written without the key' });
      previousHash = row.hash;
      expectedSeq = seq + 1;
      after = seq;
    }
    if (page.rows.length < pageSize) break;
  }
  if (rows > 0 && firstSealedSeq === undefined) problems.push({ seq: expectedSeq - 1, problem: 'no row is sealed: the log was written or rewritten without the key' });
  const head = await db.selectFrom('access_log_head').select(['seq', 'hash']).executeTakeFirst();
  if (!head) {
    problems.push({ seq: 0, problem: 'the chain head is missing' });
  } else {
    if (Number(head.seq) !== expectedSeq - 1) problems.push({ seq: Number(head.seq), problem: `the chain head says ${head.seq} rows, the log has ${expectedSeq - 1}: rows at the end are missing` });
    else if (head.hash !== previousHash) problems.push({ seq: Number(head.seq), problem: 'the chain head hash does not match the last row' });
  }
  return { ok: problems.length === 0, rows, problems };
}
