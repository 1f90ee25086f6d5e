import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type CertificateAndKey } from './certificates.ts';
import { CmsRefused, decryptThenVerify, signThenEncrypt } from './cms.ts';

let hospital: CertificateAndKey;
let innboks: CertificateAndKey;
let stranger: CertificateAndKey;

beforeAll(async () => {
  [hospital, innboks, stranger] = await Promise.all([makeTestCertificate('Sykehuset'), makeTestCertificate('Innboks'), makeTestCertificate('Ukjent')]);
});

const text = new TextEncoder().encode('<MsgHead>Røntgensvar</MsgHead>');

describe('sign then encrypt', () => {
  it('the receiver opens a message signed by the registered sender and reads its bytes unchanged', async () => {
    const sealed = await signThenEncrypt(text, hospital, innboks.certificatePem);
    expect(Buffer.from(sealed).includes(Buffer.from('Røntgensvar'))).toBe(false);
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, innboks, hospital.certificatePem))).toBe('<MsgHead>Røntgensvar</MsgHead>');
  });

  it('a message signed by someone else than the registered sender is refused as a certificate error', async () => {
    const sealed = await signThenEncrypt(text, stranger, innboks.certificatePem);
    await expect(decryptThenVerify(sealed, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'certificate' });
  });

  it('a message encrypted to another receiver cannot be opened', async () => {
    const sealed = await signThenEncrypt(text, hospital, stranger.certificatePem);
    await expect(decryptThenVerify(sealed, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'not-for-us' });
  });

  it('bytes that are not CMS are refused as such', async () => {
    const error = await decryptThenVerify(new TextEncoder().encode('<xml/>'), innboks, hospital.certificatePem).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CmsRefused);
    expect((error as CmsRefused).reason).toBe('not-cms');
  });
});

describe('certificates read once', () => {
  it('a sender whose certificate the register replaces is checked against the new one from the next message on', async () => {
    const renewed = await makeTestCertificate('Sykehuset');
    const fromOldKey = await signThenEncrypt(text, hospital, innboks.certificatePem);
    const fromNewKey = await signThenEncrypt(text, renewed, innboks.certificatePem);
    await decryptThenVerify(fromOldKey, innboks, hospital.certificatePem); // the old certificate is now read and held
    await expect(decryptThenVerify(fromOldKey, innboks, renewed.certificatePem)).rejects.toMatchObject({ reason: 'certificate' });
    expect(new TextDecoder().decode(await decryptThenVerify(fromNewKey, innboks, renewed.certificatePem))).toBe('<MsgHead>Røntgensvar</MsgHead>');
  });

  it('a signature by a key that is not the certificate’s, with the certificate’s issuer and serial, is refused as a signature error', async () => {
    const impostor = await makeTestCertificate('Sykehuset');
    const sealed = await signThenEncrypt(text, { certificatePem: hospital.certificatePem, privateKeyPem: impostor.privateKeyPem }, innboks.certificatePem);
    await expect(decryptThenVerify(sealed, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'signature' });
  });
});
