/**
 * The initial text of a new statement from an uploaded file (`.md` or `.docx`), when one was
 * chosen: its Markdown, or an `input.file` refusal worded in the reader's language. Read before
 * anything is stored, so a refused file creates nothing.
 */
import { isDomainError } from '@concord/core';
import { importSizeLimit, importToMarkdown } from '@concord/export';
import { invalid } from '../forms.ts';
import { importProblem } from './labels.ts';

/** The uploaded file's Markdown, or null when no file was chosen. */
export async function markdownFromUpload(form: FormData, field = 'file'): Promise<string | null> {
  const file = form.get(field);
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return null;
  // Checked before reading: an oversized upload is never held in memory whole.
  if (file.size > importSizeLimit) throw invalid({ field, message: importProblem('import.too-large') ?? '' });
  try {
    return await importToMarkdown({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (caught) {
    if (!isDomainError(caught)) throw caught;
    throw invalid({ field, message: importProblem(caught.code) ?? caught.message });
  }
}
