/**
 * CMS between us and the OpenSSL command line, an implementation that shares no code
 * with either asn1.js or pkijs: what we seal (asn1.js writes it) opens there, and
 * what OpenSSL seals — with the signed attributes it always adds, in DER — opens here
 * on the asn1.js path (openFast), not only through the fallback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derOf, makeTestCertificate, type CertificateAndKey } from './certificates.ts';
import { decryptThenVerify, signThenEncrypt } from './cms.ts';
import { openFast } from './cms-open-fast.ts';

let hospital: CertificateAndKey;
let innboks: CertificateAndKey;
let stranger: CertificateAndKey;
let directory: string;

beforeAll(async () => {
  [hospital, innboks, stranger] = await Promise.all([makeTestCertificate('Sykehuset'), makeTestCertificate('Innboks'), makeTestCertificate('Ukjent')]);
  directory = mkdtempSync(join(tmpdir(), 'innboks-cms-'));
  for (const [name, party] of Object.entries({ hospital, innboks, stranger })) {
    writeFileSync(join(directory, `${name}.crt`), party.certificatePem);
    writeFileSync(join(directory, `${name}.key`), party.privateKeyPem);
  }
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const text = '<MsgHead>Henvisning</MsgHead>';
const file = (name: string) => join(directory, name);
const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

/** Signed by `signer` and encrypted to Innboks by OpenSSL, as a record system using it would; `tamper` changes the signed DER between. */
function sealWithOpenssl(signer: string, tamper?: (signedDer: Buffer) => void, signOptions: string[] = [], recipients = ['innboks']): Uint8Array {
  writeFileSync(file('content.xml'), text);
  openssl('cms', '-sign', '-nodetach', '-binary', '-outform', 'DER', '-signer', file(`${signer}.crt`), '-inkey', file(`${signer}.key`), '-md', 'sha256', ...signOptions, '-in', file('content.xml'), '-out', file('signed.der'));
  if (tamper) {
    const signedDer = readFileSync(file('signed.der'));
    tamper(signedDer);
    writeFileSync(file('signed.der'), signedDer);
  }
  const recipientOptions = recipients.flatMap((recipient) => ['-recip', file(`${recipient}.crt`), '-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256']);
  openssl('cms', '-encrypt', '-binary', '-aes256', ...recipientOptions, '-outform', 'DER', '-in', file('signed.der'), '-out', file('sealed.der'));
  return new Uint8Array(readFileSync(file('sealed.der')));
}

describe('CMS between us and the OpenSSL command line', () => {
  it('a message we seal is decrypted by OpenSSL and its signature verifies there against the sender’s certificate', async () => {
    writeFileSync(file('ours.der'), await signThenEncrypt(new TextEncoder().encode(text), hospital, innboks.certificatePem));
    openssl('cms', '-decrypt', '-inform', 'DER', '-in', file('ours.der'), '-recip', file('innboks.crt'), '-inkey', file('innboks.key'), '-binary', '-out', file('ours-signed.der'));
    const verified = openssl('cms', '-verify', '-inform', 'DER', '-in', file('ours-signed.der'), '-CAfile', file('hospital.crt'), '-purpose', 'any', '-binary');
    expect(verified.toString()).toBe(text);
  });

  it('a message OpenSSL seals, with signed attributes, opens on the asn1.js path and through decryptThenVerify', async () => {
    const sealed = sealWithOpenssl('hospital');
    expect(new TextDecoder().decode(openFast(sealed, innboks, hospital.certificatePem))).toBe(text);
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, innboks, hospital.certificatePem))).toBe(text);
  });

  it('a message OpenSSL encrypts to two receivers opens with the recipient that names our certificate, on the asn1.js path', async () => {
    const sealed = sealWithOpenssl('hospital', undefined, [], ['stranger', 'innboks']);
    expect(new TextDecoder().decode(openFast(sealed, innboks, hospital.certificatePem))).toBe(text);
  });

  it('a message signed with an algorithm the asn1.js path leaves to pkijs (RSA-PSS) still opens, through pkijs', async () => {
    const sealed = sealWithOpenssl('hospital', undefined, ['-keyopt', 'rsa_padding_mode:pss']);
    expect(openFast(sealed, innboks, hospital.certificatePem)).toBeUndefined();
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, innboks, hospital.certificatePem))).toBe(text);
  });

  it('a message we seal opens on the asn1.js path, not only through the fallback', async () => {
    const sealed = await signThenEncrypt(new TextEncoder().encode(text), hospital, innboks.certificatePem);
    expect(new TextDecoder().decode(openFast(sealed, innboks, hospital.certificatePem))).toBe(text);
  });

  it('a message OpenSSL seals with a signature changed in transit is refused as a signature error', async () => {
    // The signature is the SignerInfo's last field and OpenSSL adds no unsigned attributes: the last octet is the signature's.
    const sealed = sealWithOpenssl('hospital', (signedDer) => {
      signedDer[signedDer.length - 1]! ^= 0x01;
    });
    expect(openFast(sealed, innboks, hospital.certificatePem)).toBeUndefined();
    await expect(decryptThenVerify(sealed, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'signature' });
  });

  it('a message OpenSSL seals for another signer than the registered one is refused as a certificate error, with its content', async () => {
    const sealed = sealWithOpenssl('stranger');
    const error = await decryptThenVerify(sealed, innboks, hospital.certificatePem).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'certificate' });
    expect(new TextDecoder().decode((error as { unverifiedContent: Uint8Array }).unverifiedContent)).toBe(text);
  });

  it('DER that is not CMS (a certificate) is refused as not CMS', async () => {
    const notCms = derOf(hospital.certificatePem, 'CERTIFICATE');
    expect(openFast(notCms, innboks, hospital.certificatePem)).toBeUndefined();
    await expect(decryptThenVerify(notCms, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'not-cms' });
  });
});
