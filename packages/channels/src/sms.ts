/**
 * SMS through an HTTP gateway:
 *   POST <SMS_GATEWAY_URL>   (HTTP Basic with SMS_GATEWAY_USERNAME / SMS_GATEWAY_PASSWORD)
 *   { "to": "+4799000001", "from": "Helsenorge", "text": "…", "reference": "<notice id>" }
 *   → 2xx { "id": "<gateway's message id>" }
 * The reference is the same on every try of one notice; the gateway must answer a
 * repeat as it answered the first and not send it again.
 */
import type { SmsGateway } from '@innboks/core';
import { postJson, type HttpEndpoint } from './http.ts';

export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly endpoint: HttpEndpoint,
    private readonly from: string,
  ) {}

  async send(sms: { to: string; text: string; reference: string }): Promise<{ providerId: string }> {
    const answer = await postJson<{ id?: string }>(this.endpoint, '', { to: sms.to, from: this.from, text: sms.text, reference: sms.reference }, { idempotencyKey: sms.reference });
    return { providerId: answer?.id ?? sms.reference };
  }
}
