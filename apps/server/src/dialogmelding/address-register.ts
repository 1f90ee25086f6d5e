/**
 * The address register adapter: who a HER-id is (organisation, name) and its
 * certificate. Helsenorge's real one is the national address register (AR); until
 * that is wired, the embedded stand-in reads `parties.json` under its directory,
 * made at first start with a test certificate per demo sender and one for Innboks
 * (private keys only there, never in git).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { writeWholeFile } from '@innboks/channels';
import path from 'node:path';
import { makeTestCertificate, type Party } from '@innboks/dialogmelding';
import { demoSenders } from '../demo/demo-data.ts';

export interface RegisteredParty {
  herId: string;
  name: string;
  organisationNumber: string;
  certificatePem: string;
}

export interface AddressRegister {
  party(herId: string): Promise<RegisteredParty | undefined>;
}

/** One entry of `parties.json`; paths relative to the register's directory. */
interface PartyFile {
  herId: string;
  name: string;
  organisationNumber: string;
  clientId: string | null;
  certificatePath: string;
  privateKeyPath: string;
}

export class StandInAddressRegister implements AddressRegister {
  private constructor(
    private readonly directory: string,
    private readonly parties: Map<string, RegisteredParty>,
  ) {}

  static async open(directory: string): Promise<StandInAddressRegister> {
    const entries = JSON.parse(await readFile(path.join(directory, 'parties.json'), 'utf8')) as PartyFile[];
    const parties = new Map<string, RegisteredParty>();
    for (const entry of entries) {
      parties.set(entry.herId, { herId: entry.herId, name: entry.name, organisationNumber: entry.organisationNumber, certificatePem: await readFile(path.join(directory, entry.certificatePath), 'utf8') });
    }
    return new StandInAddressRegister(directory, parties);
  }

  async party(herId: string): Promise<RegisteredParty | undefined> {
    return this.parties.get(herId);
  }

  /** A party's certificate and private key from the stand-in's files: Innboks's own, or a demo sender's for the CLI and tests. */
  async keysOf(herId: string): Promise<Party> {
    const entries = JSON.parse(await readFile(path.join(this.directory, 'parties.json'), 'utf8')) as PartyFile[];
    const entry = entries.find((candidate) => candidate.herId === herId);
    if (!entry) throw new Error(`HER-id ${herId} is not in ${this.directory}/parties.json`);
    return {
      certificatePem: await readFile(path.join(this.directory, entry.certificatePath), 'utf8'),
      privateKeyPem: await readFile(path.join(this.directory, entry.privateKeyPath), 'utf8'),
    };
  }

  /** Adds a party (tests: a sender with a certificate of its own). */
  register(party: RegisteredParty): void {
    this.parties.set(party.herId, party);
  }
}

/** The demo senders' HER-ids: 81 and the organisation number's last five digits. */
export function demoHerId(organizationNumber: string): string {
  return `81${organizationNumber.slice(-5)}`;
}

/**
 * Makes the stand-in's files once: a test certificate for Innboks and each demo
 * sender, and `parties.json`. Later starts keep them. Answers the entries, for demo.json.
 */
export async function ensureStandInRegister(directory: string, innboksHerId: string): Promise<PartyFile[]> {
  const listFile = path.join(directory, 'parties.json');
  try {
    return JSON.parse(await readFile(listFile, 'utf8')) as PartyFile[];
  } catch {
    // first start
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const wanted = [
    { herId: innboksHerId, name: 'Innboks', organisationNumber: '', clientId: null },
    ...demoSenders.map((sender) => ({ herId: demoHerId(sender.organizationNumber), name: sender.name, organisationNumber: sender.organizationNumber, clientId: sender.clientId })),
  ];
  const entries = await Promise.all(
    wanted.map(async (party) => {
      const made = await makeTestCertificate(`${party.name} (HER ${party.herId})`);
      const base = party.clientId ?? 'innboks';
      await writeWholeFile(path.join(directory, `${base}.cert.pem`), made.certificatePem);
      await writeWholeFile(path.join(directory, `${base}.key.pem`), made.privateKeyPem, { mode: 0o600 });
      return { ...party, certificatePath: `${base}.cert.pem`, privateKeyPath: `${base}.key.pem` };
    }),
  );
  // Whole or not at all: a start killed while writing it must not leave a list that reads as "first start" and makes new certificates.
  await writeWholeFile(listFile, `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}

/** Adds a party with a fresh test certificate to the stand-in's files (tests and the benchmark: a sender with queues of its own). */
export async function addStandInParty(directory: string, party: { herId: string; name: string; organisationNumber: string }): Promise<Party> {
  const listFile = path.join(directory, 'parties.json');
  const entries = JSON.parse(await readFile(listFile, 'utf8')) as PartyFile[];
  const made = await makeTestCertificate(`${party.name} (HER ${party.herId})`);
  const base = `her-${party.herId}`;
  await writeWholeFile(path.join(directory, `${base}.cert.pem`), made.certificatePem);
  await writeWholeFile(path.join(directory, `${base}.key.pem`), made.privateKeyPem, { mode: 0o600 });
  entries.push({ ...party, clientId: null, certificatePath: `${base}.cert.pem`, privateKeyPath: `${base}.key.pem` });
  await writeWholeFile(listFile, `${JSON.stringify(entries, null, 2)}\n`);
  return made;
}

/** Lists the Dialogmelding parties in demo.json (`senders[].herId`, `…certificatePath`, `…privateKeyPath`, `innboks`), paths relative to the data dir. */
export async function listInDemoFile(dataDir: string, registerDirectory: string, entries: PartyFile[], innboksHerId: string): Promise<void> {
  const demoFile = path.join(dataDir, 'dev', 'demo.json');
  let demo: { senders?: { clientId: string }[]; innboks?: unknown };
  try {
    demo = JSON.parse(await readFile(demoFile, 'utf8')) as typeof demo;
  } catch {
    return; // no demo data in this deployment
  }
  const relative = (file: string) => path.relative(dataDir, path.join(registerDirectory, file));
  const byClient = new Map(entries.filter((entry) => entry.clientId).map((entry) => [entry.clientId!, entry]));
  demo.senders = (demo.senders ?? []).map((sender) => {
    const entry = byClient.get(sender.clientId);
    return entry ? { ...sender, herId: entry.herId, certificatePath: relative(entry.certificatePath), privateKeyPath: relative(entry.privateKeyPath) } : sender;
  });
  const own = entries.find((entry) => entry.herId === innboksHerId);
  if (own) demo.innboks = { herId: own.herId, certificatePath: relative(own.certificatePath) };
  await writeWholeFile(demoFile, `${JSON.stringify(demo, null, 2)}\n`);
}
