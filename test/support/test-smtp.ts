import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  /** the message with quoted-printable soft breaks and escapes undone, enough to read it */
  text: string;
}

const unQp = (qp: string) =>
  qp.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Quoted-printable bodies and encoded-word headers undone, read as UTF-8, so "Umfrage „KI“"
 * reads as written (the transfer encodings are undone byte by byte, in latin1).
 */
export function readableMail(raw: Buffer): string {
  const all = raw.toString('latin1');
  const cut = all.indexOf('\r\n\r\n');
  const head = all
    .slice(0, cut)
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?utf-8\?Q\?/gi, '')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, how: string, data: string) =>
      how.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('latin1')
        : unQp(data.replace(/_/g, ' ')),
    );
  const body = unQp(all.slice(cut).replace(/=\r?\n/g, ''));
  return Buffer.from(head + body, 'latin1').toString('utf8');
}

/** A local SMTP server that keeps every message it receives. */
export async function startTestSmtp(): Promise<{
  url: string;
  mails: CapturedMail[];
  close(): Promise<void>;
}> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((a) => a.address),
          text: readableMail(Buffer.concat(chunks)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
