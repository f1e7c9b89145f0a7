/** Helpers for the version tests (this package's and the integration suite's): statement edits as updates. */
import { statementField } from '@concord/text';
import * as Y from 'yjs';

/** A statement document edited by one client: `paragraph` appends a paragraph and returns the update. */
export function statementWriter(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const capture = (edit: () => void): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    edit();
    return Y.encodeStateAsUpdate(doc, before);
  };
  return {
    doc,
    /** Appends a paragraph with `text`; the update to send. */
    paragraph: (text: string) =>
      capture(() => {
        const paragraph = new Y.XmlElement('paragraph');
        doc.getXmlFragment(statementField).push([paragraph]);
        paragraph.insert(0, [new Y.XmlText(text)]);
      }),
    /** Types `text` at the end of paragraph `index`. */
    type: (index: number, text: string) =>
      capture(() => {
        const content = (doc.getXmlFragment(statementField).get(index) as Y.XmlElement).get(0) as Y.XmlText;
        content.insert(content.length, text);
      }),
    /** Deletes the last `count` characters of paragraph `index`. */
    erase: (index: number, count: number) =>
      capture(() => {
        const content = (doc.getXmlFragment(statementField).get(index) as Y.XmlElement).get(0) as Y.XmlText;
        content.delete(content.length - count, count);
      }),
    /** Receives an update made elsewhere. */
    apply: (update: Uint8Array) => Y.applyUpdate(doc, update),
  };
}
