/**
 * Sign-then-encrypt, as Helsenorge's messaging does: the message is CMS SignedData
 * (SHA-256, RSA) wrapped in EnvelopedData (AES-256-CBC content key, RSAES-OAEP
 * SHA-256 key transport to the receiver's certificate).
 *
 * Nothing here is hand-made ASN.1: asn1.js models of RFC 5652 (cms-models.ts) write
 * and, for the common algorithms, read the CMS structures; pkijs reads whatever else
 * a sender may use (cms-open-pkijs.ts). Why two libraries: pkijs, on asn1js, spent
 * ~2 ms of CPU a message on the structure alone — 5 to 40 times asn1.js's cost for
 * the same structures — where the RSA work is ~0.5 ms. The primitives are Node's
 * crypto with keys and certificates read once (cms-keys.ts).
 */
import { constants, createCipheriv, publicEncrypt, randomBytes, sign } from 'node:crypto';
import { oid } from './cms-algorithms.ts';
import { readCertificate, readPrivateKey } from './cms-keys.ts';
import { AlgorithmIdentifier, ContentInfo, EnvelopedData, Null, OctetString, RsaesOaepParams, SignedData, objectIdentifier } from './cms-models.ts';
import { openFast } from './cms-open-fast.ts';
import { openWithPkijs } from './cms-open-pkijs.ts';
import type { Party } from './cms-refused.ts';

export { CmsRefused, type Party } from './cms-refused.ts';

// The algorithm identifiers we write, as pkijs wrote them before (the same bytes on the wire): SHA-256 with NULL parameters,
// sha256WithRSAEncryption without, RSAES-OAEP with SHA-256 for the hash and MGF1 and no label.
const sha256 = { algorithm: objectIdentifier(oid.sha256), parameters: Null.encode(null, 'der') };
const sha256WithRsa = { algorithm: objectIdentifier(oid.sha256WithRsa) };
const rsaesOaepSha256 = {
  algorithm: objectIdentifier(oid.rsaesOaep),
  parameters: RsaesOaepParams.encode({ hashAlgorithm: sha256, maskGenAlgorithm: { algorithm: objectIdentifier(oid.mgf1), parameters: AlgorithmIdentifier.encode(sha256, 'der') } }, 'der'),
};
const data = objectIdentifier(oid.data);

/** Signs `content` as `signer` and encrypts the result to `recipientCertificatePem`: the DER bytes to send. */
export async function signThenEncrypt(content: Uint8Array, signer: Party, recipientCertificatePem: string): Promise<Uint8Array> {
  const signerCertificate = readCertificate(signer.certificatePem);
  const contentBytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  // Without signed attributes: the signature is over the content. The signer's certificate goes along as the DER it was read from.
  const signed = SignedData.encode(
    {
      version: 1,
      digestAlgorithms: [sha256],
      encapContentInfo: { eContentType: data, eContent: contentBytes },
      certificates: [signerCertificate.der],
      signerInfos: [
        {
          version: 1,
          sid: { type: 'issuerAndSerialNumber', value: { issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber } },
          digestAlgorithm: sha256,
          signatureAlgorithm: sha256WithRsa,
          signature: sign('sha256', contentBytes, readPrivateKey(signer.privateKeyPem).key),
        },
      ],
    },
    'der',
  );
  const signedDer = ContentInfo.encode({ contentType: objectIdentifier(oid.signedData), content: signed }, 'der');

  const recipient = readCertificate(recipientCertificatePem);
  const contentKey = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', contentKey, iv);
  const enveloped = EnvelopedData.encode(
    {
      version: 2, // as pkijs wrote it before (RFC 5652 §6.1 would have 0 here; receivers read both)
      recipientInfos: [
        {
          version: 0,
          rid: { type: 'issuerAndSerialNumber', value: { issuer: recipient.issuer, serialNumber: recipient.serialNumber } },
          keyEncryptionAlgorithm: rsaesOaepSha256,
          encryptedKey: publicEncrypt({ key: recipient.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey),
        },
      ],
      encryptedContentInfo: {
        contentType: data,
        contentEncryptionAlgorithm: { algorithm: objectIdentifier(oid.aes256Cbc), parameters: OctetString.encode(iv, 'der') },
        encryptedContent: Buffer.concat([cipher.update(signedDer), cipher.final()]),
      },
    },
    'der',
  );
  const sealed = ContentInfo.encode({ contentType: objectIdentifier(oid.envelopedData), content: enveloped }, 'der');
  return new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}

/**
 * Decrypts with our key and verifies the signature against the sender's registered
 * certificate — never one the message brings along, which anyone could make. The
 * asn1.js path opens what it takes; pkijs's path opens the rest and decides every
 * refusal (CmsRefused), as before.
 */
export async function decryptThenVerify(message: Uint8Array, recipient: Party, senderCertificatePem: string): Promise<Uint8Array> {
  return openFast(message, recipient, senderCertificatePem) ?? openWithPkijs(message, recipient, senderCertificatePem);
}
