export * from './extensions.ts';
export * from './markdown.ts';
export * from './text.ts';
export * from './blocks.ts';
export * from './canonical.ts';
export * from './compare.ts';
export * from './restore.ts';
export * from './translation-doc.ts';
