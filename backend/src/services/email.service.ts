// Confirmation emails through nodemailer: SMTP when SMTP_URL is set, and always a copy in the
// outbox collection that the admin API lists (from any instance), so learners can read what was
// sent. The folder (.data/outbox) keeps a development mirror: the JSON and the rendered .eml.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutboxEmailDto } from '@checkout-lab/contracts/dto';
import nodemailer, { type Transporter } from 'nodemailer';
import { OutboxEmailModel } from '../models/outbox-email.model';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Links an email to the order it is about, for the admin outbox. */
  orderId?: string;
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
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      const email: OutboxEmailDto = {
        id: `${Date.now()}-${randomUUID().slice(0, 8)}`,
        from,
        sentAt: new Date().toISOString(),
        delivery: opts.smtpUrl ? 'smtp' : 'outbox',
        ...message,
      };
      await OutboxEmailModel.create({ ...email, _id: email.id, sentAt: new Date(email.sentAt) });
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
      return emails.map(({ _id, sentAt, orderId, ...rest }) => ({
        ...rest,
        id: _id,
        sentAt: sentAt.toISOString(),
        ...(orderId && { orderId }),
        delivery: rest.delivery as OutboxEmailDto['delivery'],
      }));
    },
  };
}
