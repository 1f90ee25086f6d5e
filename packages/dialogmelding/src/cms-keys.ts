/**
 * Certificates and private keys read once, not per message. Reading a PEM into a
 * pkijs Certificate (pure-JS ASN.1) and importing a PKCS#8 key cost more than the
 * RSA operation itself (~0.8 ms to import a key, the RSA decryption ~0.7 ms), and
 * every message of a sender uses the same ones.
 *
 * The caches are keyed by the PEM text itself, so they can never answer with another
 * certificate than the one asked for: when the address register replaces a sender's
 * certificate (renewed, revoked), the next message is checked against the new text,
 * which is a new entry. Old entries fall out when the cache is full.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { BigNumber } from 'asn1.js';
import { derOf } from './certificates.ts';
import { CertificateStart, decodeKeeping } from './cms-models.ts';

export interface ReadCertificate {
  /** For pkijs's path (cms-open-pkijs.ts): issuer and serial number, and the certificate pkijs verifies with. */
  certificate: pkijs.Certificate;
  /** For the asn1.js path: the certificate's DER as read (attached to what we sign), */
  der: Buffer;
  /** its issuer Name's DER (compared byte for byte with a SignerInfo's or RecipientInfo's), */
  issuer: Buffer;
  /** and its serial number (compared as an integer). */
  serialNumber: BigNumber;
  /** For Node's crypto: verifying and encrypting to it. */
  publicKey: KeyObject;
}

export interface ReadPrivateKey {
  key: KeyObject;
  /** PKCS#8 DER, for the pkijs (WebCrypto) path of algorithms Node's crypto is not used for. */
  pkcs8: ArrayBuffer;
}

/** Enough for every party in a national register to stay read; a bound so replaced certificates do not pile up. */
const maxEntries = 5_000;

class ReadOnce<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly read: (pem: string) => T) {}

  get(pem: string): T {
    let entry = this.entries.get(pem);
    if (entry === undefined) {
      entry = this.read(pem);
      if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(pem, entry);
    }
    return entry;
  }
}

/**
 * A certificate that writes itself as the DER it was read from. pkijs's own
 * Certificate re-parses its TBS part each time it is written (~0.3 ms of CPU), and
 * pkijs's path hands the registered certificate to SignedData.verify.
 */
class ReadBackCertificate extends pkijs.Certificate {
  private readonly encoded: asn1js.AsnType;

  constructor(der: Uint8Array) {
    const parsed = asn1js.fromBER(arrayBufferOf(der));
    if (parsed.offset === -1) throw new Error(`not a certificate: ${parsed.result.error}`);
    super({ schema: parsed.result });
    this.encoded = parsed.result;
  }

  override toSchema(): asn1js.Sequence {
    return this.encoded as asn1js.Sequence;
  }
}

const certificates = new ReadOnce<ReadCertificate>((pem) => {
  const der = Buffer.from(derOf(pem, 'CERTIFICATE'));
  const start = decodeKeeping(CertificateStart, der, ['tbsCertificate/issuer']);
  const issuer = start.kept.get('tbsCertificate/issuer');
  if (!issuer) throw new Error('a certificate without an issuer');
  return { certificate: new ReadBackCertificate(der), publicKey: new X509Certificate(der).publicKey, der, issuer, serialNumber: start.value.tbsCertificate.serialNumber };
});

const privateKeys = new ReadOnce<ReadPrivateKey>((pem) => {
  const pkcs8 = arrayBufferOf(derOf(pem, 'PRIVATE KEY'));
  return { key: createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }), pkcs8 };
});

/** The certificate in this PEM text, read the first time it is seen. */
export function readCertificate(pem: string): ReadCertificate {
  return certificates.get(pem);
}

/** The private key in this PEM text, imported the first time it is seen. */
export function readPrivateKey(pem: string): ReadPrivateKey {
  return privateKeys.get(pem);
}

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
