import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type CertificateAndKey } from './certificates.ts';
import { CmsRefused, decryptThenVerify, signThenEncrypt } from './cms.ts';
import { CmsWorkers } from './cms-workers.ts';

let hospital: CertificateAndKey;
let innboks: CertificateAndKey;
let stranger: CertificateAndKey;
const workers = new CmsWorkers(2);
beforeAll(() => workers.ready());

beforeAll(async () => {
  [hospital, innboks, stranger] = await Promise.all([makeTestCertificate('Sykehuset'), makeTestCertificate('Innboks'), makeTestCertificate('Ukjent')]);
});
afterAll(() => workers.close());

const text = (index: number) => new TextEncoder().encode(`<MsgHead>Melding ${index}</MsgHead>`);

describe('CMS on worker threads', () => {
  it('many messages opened side by side each come back as their own content', { timeout: 60_000 }, async () => {
    const sealed = await Promise.all(Array.from({ length: 40 }, (_, index) => signThenEncrypt(text(index), hospital, innboks.certificatePem)));
    const opened = await Promise.all(sealed.map((message) => workers.decryptThenVerify(message, innboks, hospital.certificatePem)));
    expect(opened.map((bytes) => new TextDecoder().decode(bytes))).toEqual(Array.from({ length: 40 }, (_, index) => `<MsgHead>Melding ${index}</MsgHead>`));
  });

  it('what a worker seals opens on this thread', { timeout: 60_000 }, async () => {
    const sealed = await workers.signThenEncrypt(text(1), innboks, hospital.certificatePem);
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, hospital, innboks.certificatePem))).toBe('<MsgHead>Melding 1</MsgHead>');
  });

  it('a refusal comes back as the same CmsRefused, with the unverified content to address the answer', { timeout: 60_000 }, async () => {
    const sealed = await signThenEncrypt(text(2), stranger, innboks.certificatePem);
    const error = await workers.decryptThenVerify(sealed, innboks, hospital.certificatePem).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CmsRefused);
    expect((error as CmsRefused).reason).toBe('certificate');
    expect(new TextDecoder().decode((error as CmsRefused).unverifiedContent)).toBe('<MsgHead>Melding 2</MsgHead>');
  });
});
