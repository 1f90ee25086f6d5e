/**
 * Opening a message the fast way: asn1.js models (cms-models.ts) read the CMS, Node's
 * crypto does the RSA and AES. It takes what the record systems and we send —
 * EnvelopedData to a KeyTransRecipientInfo named by issuer and serial, RSAES-OAEP
 * with one hash for OAEP and MGF1, AES-CBC, around SignedData with a PKCS#1 v1.5 RSA
 * signature (SHA-1/2), with or without signed attributes — in DER or in BER as
 * pkijs and BouncyCastle write it (no lengths, content in chunks). The CMS structure costs a few hundredths of a millisecond this way, against
 * ~2 ms read by pkijs.
 *
 * It answers only with success. Anything else — a structure or algorithm it does not
 * take, and every failure (not for us, another signer, a signature that does not
 * hold) — is `undefined`, and cms.ts opens the message with pkijs as before
 * (cms-open-pkijs.ts): what opened before still opens, and a refusal is decided, and
 * worded, the one way it always was. Refusals are rare; they pay for both.
 */
import { constants, createDecipheriv, createHash, privateDecrypt, timingSafeEqual, verify } from 'node:crypto';
import { cbcCipherName, digestName, oid, rsaSignatureDigest } from './cms-algorithms.ts';
import { readCertificate, readPrivateKey, type ReadCertificate } from './cms-keys.ts';
import {
  AlgorithmIdentifier,
  ContentInfo,
  EnvelopedDataAsRead,
  KeyTransRecipientInfoAsRead,
  OctetString,
  RsaesOaepParams,
  SignedDataAsRead,
  SignerInfoAsRead,
  decodeKeeping,
  dotted,
  octetsOf,
  type CertificateIdentifier,
  type SignerInfo,
} from './cms-models.ts';
import type { Party } from './cms-refused.ts';

/** The content, when the fast path opened and verified the message; undefined when pkijs's path is to decide. */
export function openFast(message: Uint8Array, recipient: Party, senderCertificatePem: string): Uint8Array | undefined {
  try {
    const signedDer = decrypt(bufferOf(message), recipient);
    return signedDer && verified(signedDer, readCertificate(senderCertificatePem));
  } catch {
    // asn1.js throws on bytes that do not fit a model, Node on a key or padding that does not fit.
    return undefined;
  }
}

function decrypt(message: Buffer, recipient: Party): Buffer | undefined {
  const info = ContentInfo.decode(message, 'der');
  if (dotted(info.contentType) !== oid.envelopedData) return undefined;
  const enveloped = EnvelopedDataAsRead.decode(info.content, 'der');
  const own = readCertificate(recipient.certificatePem);
  // A KeyTransRecipientInfo is the one RecipientInfo that is a SEQUENCE (0x30); the others are tagged [1]–[4].
  const recipients = enveloped.recipientInfos.map((der) => (der[0] === 0x30 ? decodeKeeping(KeyTransRecipientInfoAsRead, der, ['rid/issuer']) : undefined));
  // The one that names our certificate; the first when none does, as pkijs's path does.
  const ours = recipients[Math.max(0, recipients.findIndex((candidate) => candidate && names(candidate.value.rid, candidate.kept.get('rid/issuer'), own)))]?.value;
  const { contentEncryptionAlgorithm, encryptedContent } = enveloped.encryptedContentInfo;
  const cipherName = cbcCipherName(dotted(contentEncryptionAlgorithm.algorithm));
  const oaepHash = ours && oaepHashOf(ours.keyEncryptionAlgorithm);
  if (!ours || !cipherName || !oaepHash || !contentEncryptionAlgorithm.parameters || !encryptedContent) return undefined;
  const iv = OctetString.decode(contentEncryptionAlgorithm.parameters, 'der');
  const ciphertext = octetsOf(encryptedContent);

  const contentKey = privateDecrypt({ key: readPrivateKey(recipient.privateKeyPem).key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, ours.encryptedKey);
  const decipher = createDecipheriv(cipherName, contentKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** The content of the SignedData when its first signer (the one pkijs's path checks) is the registered certificate and the signature holds. */
function verified(signedDer: Buffer, registered: ReadCertificate): Uint8Array | undefined {
  const info = ContentInfo.decode(signedDer, 'der');
  if (dotted(info.contentType) !== oid.signedData) return undefined;
  const signed = SignedDataAsRead.decode(info.content, 'der');
  const eContent = signed.encapContentInfo.eContent;
  const firstSigner = signed.signerInfos[0];
  if (!eContent || !firstSigner) return undefined;
  const { value: signer, kept } = decodeKeeping(SignerInfoAsRead, firstSigner, ['sid/issuer', 'signedAttrs']);
  if (!names(signer.sid, kept.get('sid/issuer'), registered)) return undefined;
  const content = octetsOf(eContent);
  const signedBytes = bytesSigned(signer, kept.get('signedAttrs'), content);
  const signatureHash = rsaSignatureDigest(dotted(signer.signatureAlgorithm.algorithm), dotted(signer.digestAlgorithm.algorithm));
  if (!signedBytes || !signatureHash || !verify(signatureHash, signedBytes, registered.publicKey, signer.signature)) return undefined;
  return new Uint8Array(content); // a copy of its own: the decrypted buffer may be Node's shared pool
}

/**
 * What the signature is over (RFC 5652 §5.4): the content, or — when the signer added
 * signed attributes — those attributes, after checking that their message digest is
 * the content's: their DER as the message carries them (`signedAttributesDer`, kept by
 * decodeKeeping) with the SET OF tag, 0x31, in place of the [0] IMPLICIT tag they carry
 * in the SignerInfo (0xa0) — the one octet §5.4 says differs; the length and content
 * octets are the same.
 */
function bytesSigned(signer: SignerInfo, signedAttributesDer: Buffer | undefined, content: Buffer): Buffer | undefined {
  const attributes = signer.signedAttrs;
  if (!attributes) return content;
  if (signedAttributesDer?.[0] !== 0xa0) return undefined;
  const contentHash = digestName(dotted(signer.digestAlgorithm.algorithm));
  const messageDigest = attributes.find((attribute) => dotted(attribute.attrType) === oid.messageDigestAttribute)?.attrValues[0];
  if (!contentHash || !messageDigest || !attributes.some((attribute) => dotted(attribute.attrType) === oid.contentTypeAttribute)) return undefined;
  const expected = OctetString.decode(messageDigest, 'der');
  const actual = createHash(contentHash).update(content).digest();
  if (expected.byteLength !== actual.byteLength || !timingSafeEqual(expected, actual)) return undefined;
  const signed = Buffer.from(signedAttributesDer);
  signed[0] = 0x31;
  return signed;
}

/** Whether a SignerIdentifier or RecipientIdentifier names this certificate: the issuer Name as DER, the serial as an integer. */
function names(identifier: CertificateIdentifier, issuerDer: Buffer | undefined, certificate: ReadCertificate): boolean {
  return identifier.type === 'issuerAndSerialNumber' && issuerDer !== undefined && issuerDer.equals(certificate.issuer) && identifier.value.serialNumber.eq(certificate.serialNumber);
}

/**
 * The hash of an RSAES-OAEP key transport whose MGF1 uses the same one (Node's
 * oaepHash sets both) and that has no label; absent parameters mean SHA-1 (RFC 4055).
 */
function oaepHashOf(keyEncryption: AlgorithmIdentifier): string | undefined {
  if (dotted(keyEncryption.algorithm) !== oid.rsaesOaep) return undefined;
  const params = keyEncryption.parameters ? RsaesOaepParams.decode(keyEncryption.parameters, 'der') : {};
  if (params.pSourceAlgorithm) return undefined;
  const hash = params.hashAlgorithm ? digestName(dotted(params.hashAlgorithm.algorithm)) : 'sha1';
  const mask = params.maskGenAlgorithm;
  if (mask && (dotted(mask.algorithm) !== oid.mgf1 || !mask.parameters)) return undefined;
  const maskHash = mask?.parameters ? digestName(dotted(AlgorithmIdentifier.decode(mask.parameters, 'der').algorithm)) : 'sha1';
  return maskHash === hash ? hash : undefined;
}

/** A Buffer over the same bytes (asn1.js reads Buffers), not a copy. */
function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
