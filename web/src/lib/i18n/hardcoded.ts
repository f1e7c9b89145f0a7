/**
 * Finds words a person reads that a Svelte component writes itself instead of taking them from
 * the messages: text between tags, user-facing attributes (aria-label, title, placeholder, alt,
 * a button's value) and string literals an expression puts on the page. Parsed with the Svelte
 * compiler, so markup, scripts and styles are told apart as Svelte itself does.
 */
import { parse } from 'svelte/compiler';

export interface HardCoded {
  text: string;
  where: string;
}

/** Attributes a person reads or hears. */
const spokenAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']);

/** Words that are the same in every language: the product's name and what is not a word. */
const sameInEveryLanguage = new Set(['Concord', 'JSON', 'QR']);

/** Nothing to translate: blank, punctuation, symbols, digits, or a brand. */
export function isTranslatable(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || /^[\p{P}\p{S}\p{N}\s]*$/u.test(trimmed)) return false;
  return !sameInEveryLanguage.has(trimmed);
}

type Node = { type: string; [key: string]: unknown };

/** String literals an expression renders as they are (`a ? 'Yes' : 'No'`, `x || 'none'`). */
function renderedLiterals(expression: Node | null | undefined): string[] {
  if (!expression) return [];
  switch (expression.type) {
    case 'Literal':
      return typeof expression.value === 'string' ? [expression.value] : [];
    case 'TemplateLiteral':
      return (expression.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked);
    case 'ConditionalExpression':
      return [...renderedLiterals(expression.consequent as Node), ...renderedLiterals(expression.alternate as Node)];
    case 'LogicalExpression':
      return [...renderedLiterals(expression.left as Node), ...renderedLiterals(expression.right as Node)];
    default:
      return [];
  }
}

function attributeTexts(value: unknown): string[] {
  if (value === true || value === undefined) return [];
  const parts = (Array.isArray(value) ? value : [value]) as Node[];
  return parts.flatMap((part) => (part.type === 'Text' ? [String(part.data)] : part.type === 'ExpressionTag' ? renderedLiterals(part.expression as Node) : []));
}

function isButtonLike(element: Node): boolean {
  if (element.name === 'button') return true;
  if (element.name !== 'input') return false;
  const type = (element.attributes as Node[]).find((a) => a.type === 'Attribute' && a.name === 'type');
  return type !== undefined && attributeTexts(type.value).some((t) => t === 'submit' || t === 'button' || t === 'reset');
}

/** Every hard-coded, translatable string of a component's markup. */
export function findHardCoded(input: { source: string; filename: string }): HardCoded[] {
  const ast = parse(input.source, { modern: true, filename: input.filename });
  const found: HardCoded[] = [];
  const report = (text: string, where: string) => {
    if (isTranslatable(text)) found.push({ text: text.trim(), where: `${input.filename}: ${where}` });
  };
  const visit = (node: unknown, parent: Node | null): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    const n = node as Node;
    // A style or class directive's value is CSS (`${top}px`), never words on the page.
    if (n.type === 'StyleDirective' || n.type === 'ClassDirective') return;
    if (n.type === 'Text') report(String(n.data), `text in <${String(parent?.name ?? 'root')}>`);
    if (n.type === 'ExpressionTag') for (const text of renderedLiterals(n.expression as Node)) report(text, 'an expression’s text');
    if (n.type === 'Attribute') {
      const name = String(n.name);
      if (spokenAttributes.has(name) || (name === 'value' && parent && isButtonLike(parent))) {
        for (const text of attributeTexts(n.value)) report(text, `${name} of <${String(parent?.name)}>`);
      }
      return;
    }
    for (const [key, value] of Object.entries(n)) {
      // Scripts and styles are not markup; expressions are checked only where they render.
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression' || key === 'metadata') continue;
      visit(value, n.type === 'RegularElement' || n.type === 'SvelteElement' || n.type === 'TitleElement' ? n : parent);
    }
  };
  visit(ast.fragment, null);
  return found;
}
