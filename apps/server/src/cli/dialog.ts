/**
 * For a sender system's developer: try the Dialogmelding door in two commands.
 *
 *   npm run dialog -- sample [--from <her-id>] [--kind notat|foresporsel] [--citizen <national id>]   a MsgHead to start from
 *   npm run dialog -- send <file.xml> --from <her-id>     sign as that sender, encrypt to Innboks, send to Innboks's queue
 *   npm run dialog -- receipts --for <her-id> [--wait <seconds>] [--ack 1|2]   read and decrypt the AppRecs, citizens' answers
 *                                                           and error reports waiting for it; --ack answers each answer with an AppRec
 *
 * The keys are the address register stand-in's (<data dir>/dev/dialogmelding, made at
 * first start, listed in demo.json); the broker is INNBOKS_AMQP_URL, as for the server.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AmqpLink, appRecError, DialogSenderClient, sampleDialogMessage, writeDialogMessage, type Received } from '@innboks/dialogmelding';
import { loadConfigOrExit, type Config } from '../config.ts';
import { demoCitizens, demoSenders } from '../demo/demo-data.ts';
import { demoHerId, ensureStandInRegister, StandInAddressRegister } from '../dialogmelding/address-register.ts';

const usage = 'usage: npm run dialog -- sample [--from <her-id>] [--kind notat|foresporsel] [--citizen <national id>] | send <file.xml> --from <her-id> | receipts --for <her-id> [--wait <seconds>] [--ack 1|2]';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function openRegister(config: Config): Promise<StandInAddressRegister> {
  await ensureStandInRegister(config.dialogmelding.addressRegisterDir, config.dialogmelding.herId);
  return StandInAddressRegister.open(config.dialogmelding.addressRegisterDir);
}

async function clientFor(config: Config, herId: string): Promise<{ client: DialogSenderClient; link: AmqpLink }> {
  const register = await openRegister(config);
  const innboks = await register.party(config.dialogmelding.herId);
  if (!innboks) throw new Error(`Innboks (HER-id ${config.dialogmelding.herId}) is not in the address register`);
  const keys = await register.keysOf(herId);
  if (!config.dialogmelding.amqpUrl) throw new Error('INNBOKS_AMQP_URL=off');
  const link = await AmqpLink.connect(config.dialogmelding.amqpUrl);
  return { client: new DialogSenderClient(link, { herId, keys }, { herId: innboks.herId, certificatePem: innboks.certificatePem }), link };
}

export function describeReceived(item: Received): string {
  if (item.kind === 'apprec') {
    const errors = item.appRec.errors.map((error) => ` ${error.code} ${error.description}`).join(';');
    return `AppRec ${item.appRec.id} for MsgId ${item.appRec.original.msgId}: status ${item.appRec.status}${errors ? ` —${errors}` : ''}`;
  }
  if (item.kind === 'message') {
    const answering = item.message.conversationRef ? `, answering MsgId ${item.message.conversationRef.refToParent}` : '';
    return `Dialogmelding ${item.message.type} MsgId ${item.message.msgId}${answering}: «${item.message.body.text}»\n${item.xml}`;
  }
  return `A message that cannot be opened (${item.error}), message-id ${item.transport.messageId}`;
}

export async function dialogCommand(args: string[], config: Config, out: (line: string) => void): Promise<number> {
  const [command = ''] = args;
  switch (command) {
    case 'sample': {
      const register = await openRegister(config);
      const from = option(args, 'from') ?? demoHerId(demoSenders[0]!.organizationNumber);
      const sender = await register.party(from);
      if (!sender) {
        out(`HER-id ${from} is not in the address register (${config.dialogmelding.addressRegisterDir}/parties.json)`);
        return 1;
      }
      const kind = option(args, 'kind') === 'foresporsel' ? 'foresporsel' : 'notat';
      const message = sampleDialogMessage({
        sender: { name: sender.name, herId: sender.herId, organisationNumber: sender.organisationNumber, department: { name: 'Poliklinikken', herId: undefined } },
        receiver: { name: 'Helsenorge Innboks', herId: config.dialogmelding.herId },
        nationalId: option(args, 'citizen') ?? demoCitizens[0]!.nationalId,
        kind,
      });
      out(writeDialogMessage(message));
      return 0;
    }
    case 'send': {
      const file = args[1];
      const from = option(args, 'from');
      if (!file || !from) {
        out(usage);
        return 2;
      }
      const xml = await readFile(file, 'utf8');
      const { client, link } = await clientFor(config, from);
      const subject = /V="(DIALOG_[A-Z]+)"/.exec(xml)?.[1] ?? 'DIALOG_NOTAT';
      const messageId = await client.send(xml, { subject });
      await link.close();
      out(`Sent ${file} as HER-id ${from} to ${config.dialogmelding.herId}_async (message-id ${messageId}). Receipts: npm run dialog -- receipts --for ${from}`);
      return 0;
    }
    case 'receipts': {
      const herId = option(args, 'for');
      if (!herId) {
        out(usage);
        return 2;
      }
      const ack = option(args, 'ack');
      if (ack !== undefined && ack !== '1' && ack !== '2') {
        out(usage);
        return 2;
      }
      const waitMs = Number(option(args, 'wait') ?? '3') * 1000;
      const { client, link } = await clientFor(config, herId);
      let count = 0;
      const acks: Promise<void>[] = [];
      const receipts = client.onAsync((item) => {
        count++;
        out(describeReceived(item));
        if (!ack || item.kind !== 'message') return;
        const errors = ack === '2' ? [appRecError('other', 'avvist fra kommandolinjen')] : [];
        acks.push(client.sendAppRec(item.message, ack, errors).then(() => out(`AppRec ${ack} sent for MsgId ${item.message.msgId}`)));
      });
      const errors = client.onError((item) => {
        count++;
        out(`Error report for message-id ${item.properties.originalMessageId}: ${item.properties.errorCondition} — ${item.properties.errorDescription}`);
      });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      await Promise.all(acks);
      receipts.close();
      errors.close();
      await link.close();
      if (count === 0) out(`Nothing waiting for HER-id ${herId}.`);
      return 0;
    }
    default:
      out(usage);
      return 2;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  dialogCommand(process.argv.slice(2), loadConfigOrExit(), (line) => console.log(line))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
}
