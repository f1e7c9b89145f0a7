/** Up to two initials of a name for a presence disc: first and last word, any script. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const letter = (word: string) => [...word][0]!.toLocaleUpperCase();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return last ? letter(first) + letter(last) : letter(first);
}
