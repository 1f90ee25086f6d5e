/**
 * E-mail notices through SMTP (nodemailer). The notice id becomes the Message-ID, so
 * a notice sent again after a crash is the same message to the receiving side.
 * SMTP 5xx answers are permanent; 4xx, no connection and timeouts are worth another try.
 */
import type { Transporter } from 'nodemailer';
import { ChannelError, type EmailSender } from '@innboks/core';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… */
  url: string;
  from: string;
  timeoutMs: number;
  /** Keep connections open and send over several at once. */
  pool?: boolean;
}

export class SmtpEmailSender implements EmailSender {
  private transport: Promise<Transporter<unknown>> | undefined;
  private readonly domain: string;

  constructor(private readonly options: SmtpOptions) {
    this.domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'innboks.invalid';
  }

  /** nodemailer is loaded and connected on first use: a worker that sends no e-mail starts faster. */
  private connect(): Promise<Transporter<unknown>> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) => {
      const options = this.options;
      const url = new URL(options.url);
      const secure = url.protocol === 'smtps:';
      const common = {
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
        // For a local test server with a self-made certificate only.
        ...(url.searchParams.get('tls') === 'insecure' ? { tls: { rejectUnauthorized: false } } : {}),
      };
      // A pooled connection carries many notices (nodemailer's default of 100 would
      // reconnect every 100 at a high rate; the server may still close it at any time).
      return options.pool === false ? nodemailer.createTransport(common) : nodemailer.createTransport({ ...common, pool: true, maxConnections: 4, maxMessages: 10_000 });
    });
    return this.transport;
  }

  async send(mail: { to: string; subject: string; text: string; reference: string }): Promise<{ providerId: string }> {
    const messageId = `<${mail.reference}@${this.domain}>`;
    try {
      const transport = await this.connect();
      const info = (await transport.sendMail({ from: this.options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId })) as {
        messageId?: string;
      };
      return { providerId: info.messageId ?? messageId };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
  }
}

export function classifySmtpError(error: unknown): ChannelError {
  const details = error as { responseCode?: number; code?: string; message?: string };
  const message = `SMTP: ${details.message ?? String(error)}`;
  if (typeof details.responseCode === 'number' && details.responseCode >= 500 && details.code !== 'EAUTH') {
    return new ChannelError('permanent', message, { cause: error });
  }
  return new ChannelError('transient', message, { cause: error });
}
