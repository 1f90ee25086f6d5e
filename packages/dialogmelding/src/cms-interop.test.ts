/**
 * Record systems seal with their own CMS libraries (often with signed attributes, as
 * .NET's SignedCms does): what pkijs makes the WebCrypto way opens here, and what we
 * seal opens the pkijs way, so Node's crypto under our CMS changes nothing on the wire.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { derOf, makeTestCertificate, type CertificateAndKey } from './certificates.ts';
import { decryptThenVerify, signThenEncrypt } from './cms.ts';
import { decryptWithPkijs, verifyWithPkijs } from './cms-webcrypto.ts';

let hospital: CertificateAndKey;
let innboks: CertificateAndKey;

beforeAll(async () => {
  [hospital, innboks] = await Promise.all([makeTestCertificate('Sykehuset'), makeTestCertificate('Innboks')]);
});

const text = new TextEncoder().encode('<MsgHead>Epikrise</MsgHead>');
const bufferOf = (bytes: Uint8Array) => bytes.slice().buffer;
const certificateOf = (pem: string) => pkijs.Certificate.fromBER(bufferOf(derOf(pem, 'CERTIFICATE')));

/** Sealed by pkijs alone, the WebCrypto way, optionally with signed attributes (content type, message digest). */
async function sealWithPkijs(content: Uint8Array, signer: CertificateAndKey, recipientPem: string, withSignedAttributes: boolean): Promise<Uint8Array> {
  const certificate = certificateOf(signer.certificatePem);
  const signerInfo = new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }) });
  if (withSignedAttributes) {
    const digest = await webcrypto.subtle.digest('SHA-256', content);
    signerInfo.signedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
      ],
    });
  }
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1', eContent: new asn1js.OctetString({ valueHex: bufferOf(content) }) }),
    signerInfos: [signerInfo],
    certificates: [certificate],
  });
  const key = await webcrypto.subtle.importKey('pkcs8', bufferOf(derOf(signer.privateKeyPem, 'PRIVATE KEY')), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  await signed.sign(key as unknown as CryptoKey, 0, 'SHA-256');
  const signedDer = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) }).toSchema().toBER(false);
  const enveloped = new pkijs.EnvelopedData();
  enveloped.addRecipientByCertificate(certificateOf(recipientPem), { oaepHashAlgorithm: 'SHA-256' }, 1);
  await enveloped.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyAlgorithm, signedDer);
  return new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.3', content: enveloped.toSchema() }).toSchema().toBER(false));
}

/** Opened by pkijs alone, the WebCrypto way: the content, or undefined when the signature does not hold. */
async function openWithPkijs(message: Uint8Array, recipient: CertificateAndKey, senderPem: string): Promise<string | undefined> {
  const enveloped = new pkijs.EnvelopedData({ schema: pkijs.ContentInfo.fromBER(bufferOf(message)).content });
  const signedDer = await decryptWithPkijs(enveloped, 0, certificateOf(recipient.certificatePem), bufferOf(derOf(recipient.privateKeyPem, 'PRIVATE KEY')));
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(signedDer).content });
  if (!(await verifyWithPkijs(signed, certificateOf(senderPem)))) return undefined;
  return new TextDecoder().decode(signed.encapContentInfo.eContent!.getValue());
}

describe('CMS between our Node crypto and pkijs on its own', () => {
  it('a message we seal is opened and verified by pkijs on its own', async () => {
    expect(await openWithPkijs(await signThenEncrypt(text, hospital, innboks.certificatePem), innboks, hospital.certificatePem)).toBe('<MsgHead>Epikrise</MsgHead>');
  });

  it('a message we seal carries the signer’s certificate byte for byte', async () => {
    const sealed = await signThenEncrypt(text, hospital, innboks.certificatePem);
    const enveloped = new pkijs.EnvelopedData({ schema: pkijs.ContentInfo.fromBER(bufferOf(sealed)).content });
    const signedDer = await decryptWithPkijs(enveloped, 0, certificateOf(innboks.certificatePem), bufferOf(derOf(innboks.privateKeyPem, 'PRIVATE KEY')));
    const attached = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(signedDer).content }).certificates?.[0] as pkijs.Certificate;
    expect(Buffer.from(attached.toSchema(true).toBER(false)).equals(Buffer.from(derOf(hospital.certificatePem, 'CERTIFICATE')))).toBe(true);
  });

  it('a message pkijs seals on its own is opened and verified here', async () => {
    const sealed = await sealWithPkijs(text, hospital, innboks.certificatePem, false);
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, innboks, hospital.certificatePem))).toBe('<MsgHead>Epikrise</MsgHead>');
  });

  it('a message signed with signed attributes is verified over them and its content digest', async () => {
    const sealed = await sealWithPkijs(text, hospital, innboks.certificatePem, true);
    expect(new TextDecoder().decode(await decryptThenVerify(sealed, innboks, hospital.certificatePem))).toBe('<MsgHead>Epikrise</MsgHead>');
  });

  it('signed attributes whose message digest is of other content are refused as a signature error', async () => {
    const sealed = await sealWithPkijs(text, hospital, innboks.certificatePem, true);
    // Same signature and attributes over other content: decrypt, swap the content, encrypt again the pkijs way.
    const enveloped = new pkijs.EnvelopedData({ schema: pkijs.ContentInfo.fromBER(bufferOf(sealed)).content });
    const signedDer = await decryptWithPkijs(enveloped, 0, certificateOf(innboks.certificatePem), bufferOf(derOf(innboks.privateKeyPem, 'PRIVATE KEY')));
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(signedDer).content });
    signed.encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1', eContent: new asn1js.OctetString({ valueHex: bufferOf(new TextEncoder().encode('<MsgHead>Forfalsket</MsgHead>')) }) });
    const tampered = new pkijs.EnvelopedData();
    tampered.addRecipientByCertificate(certificateOf(innboks.certificatePem), { oaepHashAlgorithm: 'SHA-256' }, 1);
    await tampered.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyAlgorithm, new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) }).toSchema().toBER(false));
    const message = new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.3', content: tampered.toSchema() }).toSchema().toBER(false));
    await expect(decryptThenVerify(message, innboks, hospital.certificatePem)).rejects.toMatchObject({ reason: 'signature' });
  });
});
