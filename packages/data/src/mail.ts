/** What the servers send by mail, and the local host's outbox (the web server's `Mailer` and `Outbox` ports). */

export interface Mail {
  to: string;
  subject: string;
  /** Plain text; links in full. */
  text: string;
}

export interface Mailer {
  /** Resolves once the mail is accepted for delivery (or written to the outbox). */
  send(mail: Mail): Promise<void>;
}

export interface OutboxMail extends Mail {
  id: string;
  /** Epoch ms it was sent. */
  at: number;
}

/** Local host only: the outbox an operator reads instead of a mail server. */
export interface Outbox {
  /** Every mail in the outbox, newest first. */
  list(): Promise<OutboxMail[]>;
}
