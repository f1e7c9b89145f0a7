/**
 * Enrolling and removing TOTP two-factor (`@concord/accounts` two-factor.ts) from the account
 * page: the key's URI drawn as a QR code here; refusals worded in the reader's language.
 */
import * as accounts from '@concord/accounts';
import QRCode from 'qrcode';
import { refusalsOf } from '../refusals.ts';

export { sealedFromField, sealedToField, totpIssuer } from '@concord/accounts';

export interface Enrolment {
  /** The sealed key, `iv.data` (base64 parts), for the hidden field. */
  pending: string;
  /** The `otpauth://` URI as a QR code: an SVG document's markup. */
  qrSvg: string;
  /** The key in base32, in groups of four, for typing into an app. */
  manualKey: string;
}

const { glued } = refusalsOf('accounts');

async function drawn(enrolment: accounts.Enrolment): Promise<Enrolment> {
  const qrSvg = await QRCode.toString(enrolment.uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { pending: enrolment.pending, qrSvg, manualKey: enrolment.manualKey };
}

const begin = glued(accounts.beginEnrolment);
const resume = glued(accounts.resumeEnrolment);

/** A fresh key to enrol, sealed for the form, with its QR code and its base32 text. */
export const beginEnrolment = async (input: Parameters<typeof begin>[0]) => drawn(await begin(input));
/** The same enrolment again (after a wrong code), so the person need not scan a new one. */
export const resumeEnrolment = async (input: Parameters<typeof resume>[0]) => drawn(await resume(input));
/** Saves the pending key once `code` matches it. */
export const completeEnrolment = glued(accounts.completeEnrolment);
/** Turns two-factor off with a current code, unless the person's role requires it. */
export const disableTwoFactor = glued(accounts.disableTwoFactor);
