/**
 * Opening a message with pkijs reading the CMS: the way every message opened before
 * cms-open-fast.ts, kept for what that path does not take — BER with indefinite
 * lengths, other recipient kinds, other algorithms — and for every refusal, so a
 * message is refused for the same reason as before. The primitives are still Node's
 * crypto where the algorithm allows (keys read once, cms-keys.ts); the rest goes the
 * pkijs/WebCrypto way (cms-webcrypto.ts).
 */
import { constants, createDecipheriv, createHash, privateDecrypt, timingSafeEqual, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cbcCipherName, digestName, oaepHashOf, oid, rsaSignatureDigest } from './cms-algorithms.ts';
import { readCertificate, readPrivateKey, type ReadCertificate, type ReadPrivateKey } from './cms-keys.ts';
import { readEnvelope, readSignedData, type ReadEnvelope, type ReadSignedData } from './cms-reading.ts';
import { CmsRefused, type Party } from './cms-refused.ts';
import { decryptWithPkijs, verifyWithPkijs } from './cms-webcrypto.ts';

/**
 * Decrypts with our key and verifies the signature against the sender's registered
 * certificate — never one the message brings along, which anyone could make.
 */
export async function openWithPkijs(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array> {
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
