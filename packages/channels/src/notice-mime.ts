/**
 * A notice e-mail written directly as an RFC 5322 message: plain text, UTF-8, base64.
 * Every notice has the same few lines of text, so the subject and body are encoded
 * once and kept; each message only adds its recipient, date and Message-ID. Used only
 * for addresses `plainAddress` accepts, so nothing a register holds can add a header.
 */

/** A bare ASCII address without anything that could end a header or hold a second address. */
export function plainAddress(address: string): boolean {
  return address.length <= 254 && /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(address);
}

export interface NoticeMail {
  /** As configured: `Name <address>` or an address, printable ASCII. */
  from: string;
  /** A `plainAddress`. */
  to: string;
  subject: string;
  text: string;
  messageId: string;
  date: Date;
}

const encoded = new Map<string, string>();

/** The From, Subject and content headers and the body, the same for every notice of this text. */
function constantPart(from: string, subject: string, text: string): string {
  const key = `${from}\n${subject}\n${text}`;
  let part = encoded.get(key);
  if (part === undefined) {
    part =
      `From: ${from}\r\nSubject: ${encodedWords(subject)}\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(text)}\r\n`;
    // Notices come in a handful of texts (per channel and language); never grow without end.
    if (encoded.size >= 64) encoded.clear();
    encoded.set(key, part);
  }
  return part;
}

export function noticeMessage(mail: NoticeMail): Buffer {
  return Buffer.from(`To: ${mail.to}\r\nDate: ${rfc5322Date(mail.date)}\r\nMessage-ID: ${mail.messageId}\r\n${constantPart(mail.from, mail.subject, mail.text)}`, 'utf8');
}

/** Printable ASCII as it is; anything else as RFC 2047 encoded words of 64 characters, one a line. */
function encodedWords(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(oneLine) && oneLine.length <= 68 && !oneLine.includes('=?')) return oneLine;
  const words: string[] = [];
  let chunk = '';
  for (const character of oneLine) {
    // 39 bytes of UTF-8 are 52 characters of base64; with =?UTF-8?B? and ?= a word is
    // 64, and the first line with "Subject: " 73, under the 78 RFC 5322 asks for.
    if (Buffer.byteLength(chunk + character) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(text: string): string {
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76));
  return lines.join('\r\n');
}

/** "Wed, 02 Dec 2026 02:30:49 +0000". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * One mailbox and nothing else, in any script (an address with letters beyond ASCII
 * goes through nodemailer): no spaces or control characters, no name, no list.
 */
export function singleMailbox(address: string): boolean {
  return address.length <= 254 && /^[^\s\p{C},;<>()"[\]\\@]+@[^\s\p{C},;<>()"[\]\\@]+$/u.test(address);
}
