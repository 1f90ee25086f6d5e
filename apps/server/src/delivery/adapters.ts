/**
 * The outside systems delivery talks to, chosen by configuration: a real HTTP/SMTP
 * adapter where a URL is set, else the embedded stand-in (local outbox, digital
 * mailbox folder, print-batch folder, registers with the demo people).
 */
import path from 'node:path';
import type { ContactRegister, DigitalMailbox, EmailSender, PopulationRegister, PrintService, RelationRegister, SmsGateway } from '@innboks/core';
import {
  HttpContactRegister,
  HttpDigitalMailbox,
  HttpPopulationRegister,
  HttpPrintService,
  HttpSmsGateway,
  NoticeOutbox,
  PrintBatchFolder,
  SmtpEmailSender,
  StandInContactRegister,
  StandInDigitalMailbox,
  StandInPopulationRegister,
  type RegisterPerson,
} from '@innboks/channels';
import type { Config } from '../config.ts';
import { demoCitizen, demoCitizens, demoRepresentations } from '../demo/demo-data.ts';
import { DialogOutbound } from '../dialogmelding/outbound.ts';

export interface DeliveryAdapters {
  contactRegister: ContactRegister;
  /** Also asked for relations (parents, guardians) and confidential addresses when citizens act for others. */
  populationRegister: PopulationRegister & RelationRegister;
  sms: SmsGateway;
  email: EmailSender;
  digitalMailbox: DigitalMailbox;
  print: PrintService;
  /** Citizens' answers to Dialogmelding questions, back to their senders over AMQP. */
  dialogmelding: DialogOutbound;
  /** The embedded stand-ins in use, for the dev page. */
  standIns: { outbox?: NoticeOutbox; digitalMailbox?: StandInDigitalMailbox; printFolder?: PrintBatchFolder };
  close(): void;
}

/** Where the embedded stand-ins keep what they received. */
export function standInDirs(dataDir: string) {
  return { outbox: path.join(dataDir, 'dev', 'outbox'), digitalMailbox: path.join(dataDir, 'dev', 'digital-mailbox') };
}

/** The demo people as the registers know them. */
export function demoRegisterPeople(): RegisterPerson[] {
  return demoCitizens.map((citizen) => ({
    nationalId: citizen.nationalId,
    contact: {
      reserved: false,
      mobile: citizen.contact.mobile ?? null,
      email: citizen.contact.email ?? null,
      digitalMailbox: citizen.contact.digitalMailbox ?? null,
    },
    person: { name: citizen.name, birthDate: citizen.birthDate, postalAddress: citizen.postalAddress },
    relations: {
      confidentialAddress: citizen.confidentialAddress ?? false,
      responsibleFor: demoRepresentations
        .filter((entry) => entry.relation === 'FO' && entry.representative === citizen.name)
        .map((entry) => ({ nationalId: demoCitizen(entry.person).nationalId, relation: 'FO' as const })),
    },
  }));
}

export function buildDeliveryAdapters(config: Config, now: () => Date = () => new Date()): DeliveryAdapters {
  const delivery = config.delivery;
  const timeoutMs = delivery.timeoutMs;
  const dirs = standInDirs(config.dataDir);
  const standIns: DeliveryAdapters['standIns'] = {};
  const people = delivery.contactRegister && delivery.populationRegister ? [] : demoRegisterPeople();

  const outbox = !delivery.sms || !delivery.smtp ? new NoticeOutbox(dirs.outbox, now) : undefined;
  if (outbox) standIns.outbox = outbox;

  const sms = delivery.sms
    ? new HttpSmsGateway(
        { url: delivery.sms.url, timeoutMs, basic: delivery.sms.username ? { username: delivery.sms.username, password: delivery.sms.password ?? '' } : undefined },
        delivery.smsSender,
      )
    : outbox!.sms;
  const smtp = delivery.smtp ? new SmtpEmailSender({ url: delivery.smtp.url, from: delivery.emailFrom, timeoutMs }) : undefined;
  const email = smtp ?? outbox!.email;

  let digitalMailbox: DigitalMailbox;
  if (delivery.digitalMailbox) digitalMailbox = new HttpDigitalMailbox({ url: delivery.digitalMailbox.url, token: delivery.digitalMailbox.token, timeoutMs });
  else digitalMailbox = standIns.digitalMailbox = new StandInDigitalMailbox(dirs.digitalMailbox, now);

  let print: PrintService;
  if (delivery.print) print = new HttpPrintService({ url: delivery.print.url, token: delivery.print.token, timeoutMs });
  else print = standIns.printFolder = new PrintBatchFolder(delivery.printBatchDir, now);

  const dialogmelding = new DialogOutbound(config.dialogmelding);
  return {
    contactRegister: delivery.contactRegister
      ? new HttpContactRegister({ url: delivery.contactRegister.url, token: delivery.contactRegister.token, timeoutMs })
      : new StandInContactRegister(people),
    populationRegister: delivery.populationRegister
      ? new HttpPopulationRegister({ url: delivery.populationRegister.url, token: delivery.populationRegister.token, timeoutMs })
      : new StandInPopulationRegister(people),
    sms,
    email,
    digitalMailbox,
    print,
    dialogmelding,
    standIns,
    close: () => {
      smtp?.close();
      void dialogmelding.close();
    },
  };
}
