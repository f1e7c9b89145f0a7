/**
 * Secrets set per stage with `npx sst secret set <Name> <value>`:
 * - `SecretKey`: 32 random bytes, base64 (`openssl rand -base64 32`); encrypts TOTP keys at rest.
 * - `MailSender`: the verified address (or domain) mail is sent from.
 * - `PublicUrl`: the hub's public address (`https://…`), for links in invitations and resets.
 */
export const secretKey = new sst.Secret('SecretKey');
export const mailSender = new sst.Secret('MailSender');
export const publicUrl = new sst.Secret('PublicUrl');
