/**
 * Sign-then-encrypt, as Helsenorge's messaging does: the message is CMS SignedData
 * (SHA-256, RSA) wrapped in EnvelopedData (AES-256-CBC content key, RSA key
 * transport to the receiver's certificate). pkijs does the ASN.1; nothing here is
 * hand-made. Key transport is RSAES-OAEP with SHA-256 (WebCrypto has no PKCS#1 v1.5
 * encryption).
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derOf } from './certificates.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const oid = { data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2', envelopedData: '1.2.840.113549.1.7.3' };

export interface Party {
  certificatePem: string;
  privateKeyPem: string;
}

/** Why an incoming message could not be opened: the receipt and error queue say which. */
export class CmsRefused extends Error {
  constructor(
    readonly reason: 'not-cms' | 'not-for-us' | 'signature' | 'certificate',
    message: string,
    /** The decrypted but unverified content (signature and certificate failures): only to address the rejection to the message it answers. */
    readonly unverifiedContent?: Uint8Array,
  ) {
    super(message);
  }
}

function certificateOf(pem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBufferOf(derOf(pem, 'CERTIFICATE')));
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Signs `content` as `signer` and encrypts the result to `recipientCertificatePem`: the DER bytes to send. */
export async function signThenEncrypt(content: Uint8Array, signer: Party, recipientCertificatePem: string): Promise<Uint8Array> {
  const signerCertificate = certificateOf(signer.certificatePem);
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data, eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
      }),
    ],
    certificates: [signerCertificate],
  });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', arrayBufferOf(derOf(signer.privateKeyPem, 'PRIVATE KEY')), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  await signed.sign(signingKey as unknown as CryptoKey, 0, 'SHA-256');
  const signedDer = new pkijs.ContentInfo({ contentType: oid.signedData, content: signed.toSchema(true) }).toSchema().toBER(false);

  const enveloped = new pkijs.EnvelopedData();
  enveloped.addRecipientByCertificate(certificateOf(recipientCertificatePem), { oaepHashAlgorithm: 'SHA-256' }, 1);
  await enveloped.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyAlgorithm, signedDer);
  return new Uint8Array(new pkijs.ContentInfo({ contentType: oid.envelopedData, content: enveloped.toSchema() }).toSchema().toBER(false));
}

/**
 * Decrypts with our key and verifies the signature against the sender's registered
 * certificate — never one the message brings along, which anyone could make.
 */
export async function decryptThenVerify(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array> {
  let enveloped: pkijs.EnvelopedData;
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBufferOf(message));
    if (info.contentType !== oid.envelopedData) throw new Error(`content type ${info.contentType}`);
    enveloped = new pkijs.EnvelopedData({ schema: info.content });
  } catch (error) {
    throw new CmsRefused('not-cms', `not CMS EnvelopedData: ${(error as Error).message}`);
  }
  let signedDer: ArrayBuffer;
  try {
    signedDer = await enveloped.decrypt(0, {
      recipientCertificate: certificateOf(recipient.certificatePem),
      recipientPrivateKey: arrayBufferOf(derOf(recipient.privateKeyPem, 'PRIVATE KEY')),
    });
  } catch (error) {
    throw new CmsRefused('not-for-us', `cannot be decrypted with our certificate: ${(error as Error).message}`);
  }
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(signedDer);
    if (info.contentType !== oid.signedData) throw new Error(`content type ${info.contentType}`);
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    throw new CmsRefused('not-cms', `the encrypted content is not CMS SignedData: ${(error as Error).message}`);
  }
  const content = signed.encapContentInfo.eContent?.getValue();
  if (!content) throw new CmsRefused('not-cms', 'the SignedData carries no content');
  const registered = certificateOf(senderCertificatePem);
  const sid = signed.signerInfos[0]?.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber) || !sid.serialNumber.isEqual(registered.serialNumber) || !sid.issuer.isEqual(registered.issuer)) {
    throw new CmsRefused('certificate', "the message is not signed with the sender's registered certificate", new Uint8Array(content));
  }
  signed.certificates = [registered];
  const verified = await signed.verify({ signer: 0, checkChain: false, extendedMode: true }).catch((error: unknown) => ({ signatureVerified: false, message: String(error) }));
  if (!verified.signatureVerified) throw new CmsRefused('signature', "the signature does not verify against the sender's registered certificate", new Uint8Array(content));
  return new Uint8Array(content);
}
