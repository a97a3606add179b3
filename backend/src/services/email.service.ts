// Confirmation emails through nodemailer: SMTP when SMTP_URL is set, and always a copy in the
// outbox collection that the admin API lists (from any instance), so learners can read what was
// sent. The folder (.data/outbox) keeps a development mirror: the JSON and the rendered .eml.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutboxEmailDto } from '@checkout-lab/contracts/dto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { InferSchemaType } from 'mongoose';
import { isDuplicateKey } from '../db/connect';
import { OutboxEmailModel } from '../models/outbox-email.model';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Links an email to the order it is about, for the admin outbox. */
  orderId?: string;
  /**
   * What makes this email the one of its kind ("confirmation:ord_…"): a second send with the
   * same key is not sent again. A step that sent and then died before recording it (or whose
   * database went away in between) is resumed by another process, which must not mail twice.
   */
  key?: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<OutboxEmailDto>;
  listOutbox(limit?: number): Promise<OutboxEmailDto[]>;
}

export function createMailer(opts: {
  outboxDir: string;
  smtpUrl?: string;
  storeName?: string;
}): Mailer {
  const from = `${opts.storeName ?? 'Checkout Lab'} <orders@checkout-lab.local>`;
  // Without SMTP, nodemailer's stream transport renders the real RFC 822 message, which is
  // saved next to its JSON summary.
  const transport: Transporter = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send({ key, ...message }) {
      const sent = key ? await OutboxEmailModel.findOne({ key }).lean() : null;
      if (sent) return toDto(sent);
      // Over SMTP a crash between the server's acceptance and the insert below still sends
      // twice (SMTP has no idempotency key); to the outbox the insert is the send, and it is once.
      const info = await transport.sendMail({ from, ...message });
      const email: OutboxEmailDto = {
        id: `${Date.now()}-${randomUUID().slice(0, 8)}`,
        from,
        sentAt: new Date().toISOString(),
        delivery: opts.smtpUrl ? 'smtp' : 'outbox',
        ...message,
      };
      try {
        await OutboxEmailModel.create({
          ...email,
          _id: email.id,
          sentAt: new Date(email.sentAt),
          ...(key && { key }),
        });
      } catch (err) {
        const first =
          key && isDuplicateKey(err) ? await OutboxEmailModel.findOne({ key }).lean() : null;
        if (first) return toDto(first); // a racing send stored it first
        throw err;
      }
      await mkdir(opts.outboxDir, { recursive: true });
      await writeFile(
        path.join(opts.outboxDir, `${email.id}.json`),
        JSON.stringify(email, null, 2),
      );
      if (Buffer.isBuffer(info.message)) {
        await writeFile(path.join(opts.outboxDir, `${email.id}.eml`), info.message);
      }
      return email;
    },

    async listOutbox(limit = 50) {
      const emails = await OutboxEmailModel.find().sort({ _id: -1 }).limit(limit).lean();
      return emails.map(toDto);
    },
  };
}

type StoredEmail = InferSchemaType<(typeof OutboxEmailModel)['schema']> & { _id: string };

function toDto({ _id, sentAt, orderId, key: _key, ...rest }: StoredEmail): OutboxEmailDto {
  return {
    ...rest,
    id: _id,
    sentAt: sentAt.toISOString(),
    ...(orderId && { orderId }),
    delivery: rest.delivery as OutboxEmailDto['delivery'],
  };
}
