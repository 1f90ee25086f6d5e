/**
 * Sign-then-encrypt, as Helsenorge's messaging does: the message is CMS SignedData
 * (SHA-256, RSA) wrapped in EnvelopedData (AES-256-CBC content key, RSAES-OAEP
 * SHA-256 key transport to the receiver's certificate).
 *
 * pkijs reads and writes the CMS structures; nothing here is hand-made ASN.1. The
 * primitives — RSA decryption and signing, AES, verification — are Node's crypto
 * with keys and certificates read once (cms-keys.ts): pkijs's own way (WebCrypto,
 * importing the PKCS#8 key and reading the certificate's key through pure-JS ASN.1
 * for every message) cost ~10 ms of CPU a message on an idle core, where the RSA
 * work is ~0.7 ms. Algorithms this file does not hand to Node still open the pkijs
 * way (cms-webcrypto.ts).
 */
import { constants, createCipheriv, createDecipheriv, createHash, privateDecrypt, publicEncrypt, randomBytes, sign, timingSafeEqual, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cbcCipherName, digestName, oaepHashOf, oid, rsaSignatureDigest } from './cms-algorithms.ts';
import { arrayBufferOf, readCertificate, readPrivateKey, type ReadCertificate, type ReadPrivateKey } from './cms-keys.ts';
import { readEnvelope, readSignedData, type ReadEnvelope, type ReadSignedData } from './cms-reading.ts';
import { decryptWithPkijs, verifyWithPkijs } from './cms-webcrypto.ts';

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

const sha256Identifier = () => new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256, algorithmParams: new asn1js.Null() });

/** Signs `content` as `signer` and encrypts the result to `recipientCertificatePem`: the DER bytes to send. */
export async function signThenEncrypt(content: Uint8Array, signer: Party, recipientCertificatePem: string): Promise<Uint8Array> {
  const signerCertificate = readCertificate(signer.certificatePem).certificate;
  // The same fields pkijs's SignedData.sign writes for an RSASSA-PKCS1-v1_5 SHA-256 key, without signed attributes: the signature is over the content.
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Identifier()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data, eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
        digestAlgorithm: sha256Identifier(),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256WithRsa }),
        signature: new asn1js.OctetString({ valueHex: arrayBufferOf(sign('sha256', content, readPrivateKey(signer.privateKeyPem).key)) }),
      }),
    ],
    certificates: [signerCertificate],
  });
  const signedDer = new pkijs.ContentInfo({ contentType: oid.signedData, content: signed.toSchema(true) }).toSchema().toBER(false);

  const recipient = readCertificate(recipientCertificatePem);
  const enveloped = new pkijs.EnvelopedData();
  // pkijs writes the recipient (issuer and serial, OAEP parameters); Node does the encryption EnvelopedData.encrypt would do with WebCrypto.
  enveloped.addRecipientByCertificate(recipient.certificate, { oaepHashAlgorithm: 'SHA-256' }, 1);
  const contentKey = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', contentKey, iv);
  const encrypted = Buffer.concat([cipher.update(new Uint8Array(signedDer)), cipher.final()]);
  enveloped.version = 2;
  enveloped.encryptedContentInfo = new pkijs.EncryptedContentInfo({
    contentType: oid.data,
    contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.aes256Cbc, algorithmParams: new asn1js.OctetString({ valueHex: arrayBufferOf(iv) }) }),
    encryptedContent: new asn1js.OctetString({ valueHex: arrayBufferOf(encrypted) }),
  });
  const keyTransport = enveloped.recipientInfos[0]!.value as pkijs.KeyTransRecipientInfo;
  keyTransport.encryptedKey = new asn1js.OctetString({ valueHex: arrayBufferOf(publicEncrypt({ key: recipient.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey)) });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: oid.envelopedData, content: enveloped.toSchema() }).toSchema().toBER(false));
}

/**
 * Decrypts with our key and verifies the signature against the sender's registered
 * certificate — never one the message brings along, which anyone could make.
 */
export async function decryptThenVerify(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array> {
  let enveloped: ReadEnvelope;
  try {
    enveloped = readEnvelope(message);
  } catch (error) {
    throw new CmsRefused('not-cms', `not CMS EnvelopedData: ${(error as Error).message}`);
  }
  let signedDer: Uint8Array;
  try {
    signedDer = await decryptContent(enveloped, readCertificate(recipient.certificatePem), readPrivateKey(recipient.privateKeyPem));
  } catch (error) {
    throw new CmsRefused('not-for-us', `cannot be decrypted with our certificate: ${(error as Error).message}`);
  }
  let signed: ReadSignedData;
  try {
    signed = readSignedData(signedDer);
  } catch (error) {
    throw new CmsRefused('not-cms', `the encrypted content is not CMS SignedData: ${(error as Error).message}`);
  }
  const content = signed.encapContentInfo.eContent?.getValue();
  if (!content) throw new CmsRefused('not-cms', 'the SignedData carries no content');
  const registered = readCertificate(senderCertificatePem);
  const signer = signed.signerInfos[0];
  const sid = signer?.sid;
  if (!signer || !(sid instanceof pkijs.IssuerAndSerialNumber) || !sid.serialNumber.isEqual(registered.certificate.serialNumber) || !sid.issuer.isEqual(registered.certificate.issuer)) {
    throw new CmsRefused('certificate', "the message is not signed with the sender's registered certificate", new Uint8Array(content));
  }
  const verified = verifyWithNode(signer, new Uint8Array(content), registered) ?? (await verifyWithPkijs(signed.full(), registered.certificate));
  if (!verified) throw new CmsRefused('signature', "the signature does not verify against the sender's registered certificate", new Uint8Array(content));
  return new Uint8Array(content);
}

/** The recipient that names our certificate (issuer and serial number); the first one when none does, as before. */
function recipientIndexFor(enveloped: ReadEnvelope, own: pkijs.Certificate): number {
  const index = enveloped.recipients.findIndex((recipient) => {
    const rid = recipient?.rid;
    return rid instanceof pkijs.IssuerAndSerialNumber && rid.serialNumber.isEqual(own.serialNumber) && rid.issuer.isEqual(own.issuer);
  });
  return Math.max(index, 0);
}

async function decryptContent(enveloped: ReadEnvelope, own: ReadCertificate, key: ReadPrivateKey): Promise<Uint8Array> {
  const index = recipientIndexFor(enveloped, own.certificate);
  const recipient = enveloped.recipients[index];
  const contentAlgorithm = enveloped.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipherName = cbcCipherName(contentAlgorithm.algorithmId);
  const oaepHash = recipient ? oaepHashOf(recipient.keyEncryptionAlgorithm) : undefined;
  if (!recipient || !cipherName || !oaepHash) return new Uint8Array(await decryptWithPkijs(enveloped.full(), index, own.certificate, key.pkcs8));

  const contentKey = privateDecrypt({ key: key.key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, recipient.encryptedKey.valueBlock.valueHexView);
  const iv = contentAlgorithm.algorithmParams;
  if (!(iv instanceof asn1js.OctetString)) throw new Error('the content encryption names no IV');
  const decipher = createDecipheriv(cipherName, contentKey, iv.valueBlock.valueHexView);
  return Buffer.concat([decipher.update(new Uint8Array(enveloped.encryptedContentInfo.getEncryptedContent())), decipher.final()]);
}

/**
 * Verifies a PKCS#1 v1.5 RSA signature with Node, over the content or, when the
 * signer added signed attributes, over those after checking their message digest
 * (RFC 5652 §5.4, as pkijs's SignedData.verify does). Undefined for a signature
 * algorithm left to pkijs.
 */
function verifyWithNode(signerInfo: pkijs.SignerInfo, content: Uint8Array, registered: ReadCertificate): boolean | undefined {
  const signatureHash = rsaSignatureDigest(signerInfo.signatureAlgorithm.algorithmId, signerInfo.digestAlgorithm.algorithmId);
  if (!signatureHash) return undefined;
  let signedBytes = content;
  if (signerInfo.signedAttrs) {
    const contentHash = digestName(signerInfo.digestAlgorithm.algorithmId);
    if (!contentHash) return undefined;
    const attributes = signerInfo.signedAttrs.attributes;
    const messageDigest = attributes.find((attribute) => attribute.type === oid.messageDigestAttribute)?.values[0];
    if (!attributes.some((attribute) => attribute.type === oid.contentTypeAttribute) || !(messageDigest instanceof asn1js.OctetString)) return false;
    const expected = messageDigest.valueBlock.valueHexView;
    const actual = createHash(contentHash).update(content).digest();
    if (expected.byteLength !== actual.byteLength || !timingSafeEqual(expected, actual)) return false;
    signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
  }
  try {
    return verify(signatureHash, signedBytes, registered.publicKey, signerInfo.signature.valueBlock.valueHexView);
  } catch {
    return false;
  }
}
