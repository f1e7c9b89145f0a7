export * from './extensions.ts';
export * from './markdown.ts';
export * from './text.ts';
