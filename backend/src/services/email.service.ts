// Confirmation emails through nodemailer: SMTP when SMTP_URL is set, and always a copy in the
// local outbox (.data/outbox) that the admin API lists, so learners can read what was sent.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Links an email to the order it is about, for the admin outbox. */
  orderId?: string;
}

export interface OutboxEmail extends EmailMessage {
  id: string;
  from: string;
  sentAt: string;
  delivery: 'outbox' | 'smtp';
}

export interface Mailer {
  send(message: EmailMessage): Promise<OutboxEmail>;
  listOutbox(limit?: number): Promise<OutboxEmail[]>;
}

export const FROM_ADDRESS = 'Checkout Lab <orders@checkout-lab.local>';

export function createMailer(opts: { outboxDir: string; smtpUrl?: string }): Mailer {
  // Without SMTP, nodemailer's stream transport renders the real RFC 822 message, which is
  // saved next to its JSON summary.
  const transport: Transporter = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(message) {
      const info = await transport.sendMail({ from: FROM_ADDRESS, ...message });
      const email: OutboxEmail = {
        id: `${Date.now()}-${randomUUID().slice(0, 8)}`,
        from: FROM_ADDRESS,
        sentAt: new Date().toISOString(),
        delivery: opts.smtpUrl ? 'smtp' : 'outbox',
        ...message,
      };
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
      let files: string[];
      try {
        files = (await readdir(opts.outboxDir)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      const newest = files.sort().reverse().slice(0, limit);
      return Promise.all(
        newest.map(
          async (f) =>
            JSON.parse(await readFile(path.join(opts.outboxDir, f), 'utf8')) as OutboxEmail,
        ),
      );
    },
  };
}
