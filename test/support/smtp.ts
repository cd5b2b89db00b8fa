// A real SMTP server for integration tests (smtp-server + mailparser): every message it accepts
// is parsed and kept. It can be stopped (the port refuses connections, like a mail relay that is
// down) and started again on the same port.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = ParsedMail & {
  header: (name: string) => string | undefined;
};

export class TestSmtpServer {
  readonly mails: CaughtMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData: (stream, _session, done) => {
        // skipImageLinks: keep "cid:" references as sent (mailparser would inline them as data: URIs).
        simpleParser(stream, { skipImageLinks: true }).then(
          (mail) => {
            const header = (name: string) => {
              const v = mail.headers.get(name.toLowerCase());
              return v === undefined ? undefined : String(v);
            };
            this.mails.push(Object.assign(mail, { header }));
            done();
          },
          (err: Error) => done(err),
        );
      },
    });
    server.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      server.listen(this.port, "127.0.0.1", () => resolve());
      server.server.once("error", reject);
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops open connections: clients get "connection refused" until start(). */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    // smtp-server's close waits for open sessions; nodemailer's are short, and end with QUIT.
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  for(orderId: string): CaughtMail[] {
    return this.mails.filter((m) => m.header("x-bloom-order") === orderId);
  }
}
