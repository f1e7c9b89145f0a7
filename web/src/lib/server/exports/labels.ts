/** The words around an exported text, in the reader's language. */
import type { ExportLabels } from '@concord/export';
import { m } from '../../paraglide/messages.js';
import { intlLocale } from '../../i18n.ts';

export function exportLabels(): ExportLabels {
  return {
    locale: intlLocale(),
    version: m.exports_label_version(),
    hash: m.exports_label_hash(),
    savedAt: m.exports_label_saved(),
    adoption: m.exports_label_adoption(),
    procedureSilence: m.exports_label_silence(),
    procedureExplicit: m.exports_label_explicit(),
    adoptedAt: m.exports_label_adopted(),
    positions: m.exports_label_positions(),
    silent: m.exports_label_silent(),
    stances: {
      support: m.exports_stance_support(),
      'support-ad-referendum': m.exports_stance_ad_referendum(),
      abstain: m.exports_stance_abstain(),
      object: m.exports_stance_object(),
    },
    translations: m.exports_label_translations(),
    endorsements: m.exports_label_endorsements(),
    current: m.exports_label_current(),
    hashNote: m.exports_label_hash_note(),
  };
}

/** A refusal of an imported file, by its code (from `importToMarkdown`). */
export function importProblem(code: string): string | null {
  const messages: Record<string, () => string> = {
    'import.kind': () => m.import_error_kind(),
    'import.too-large': () => m.import_error_too_large(),
    'import.empty': () => m.import_error_empty(),
    'import.not-text': () => m.import_error_not_text(),
    'import.broken-docx': () => m.import_error_broken_docx(),
  };
  return messages[code]?.() ?? null;
}
