import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { paraglideOptions } from './i18n.config.js';

export default defineConfig({
  plugins: [sveltekit(), paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] })],
  resolve: {
    // Two copies of Yjs (or of ProseMirror) in one bundle break `instanceof` checks.
    dedupe: ['yjs', 'y-protocols', '@tiptap/pm', 'lib0'],
  },
  ssr: {
    // The workspace packages ship TypeScript sources and their dependencies live beside them,
    // not in web/node_modules: bundle everything so build/handler.js runs on its own.
    noExternal: true,
    // A native addon (argon2id, via @concord/auth) cannot be bundled: it is loaded from
    // web/node_modules at run time, which is why web depends on it directly.
    // PDFKit, mammoth and turndown are CommonJS that read their own files and optional
    // modules at run time: loaded from web/node_modules too (so are the PDF fonts).
    // Yjs: the local host loads this handler into a process that already runs Yjs (the sync
    // handlers); a bundled second copy makes Yjs warn "already imported" and breaks `instanceof`
    // between the two. Left external, both resolve to the one copy pnpm installed.
    external: ['@node-rs/argon2', 'pdfkit', 'mammoth', 'turndown', 'yjs'],
  },
});
