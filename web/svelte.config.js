import adapterNode from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import adapterSst from 'svelte-kit-sst';

/** SHA-256 of SvelteKit's `#svelte-announcer` style attribute (checked by test/e2e/console.spec.ts). */
const announcerStyleHash = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // SST sets `SST` while building for AWS; everywhere else the app runs in the local host.
    adapter: process.env.SST ? adapterSst() : adapterNode(),
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // SvelteKit's route announcer (the live region that reads each new page's title to screen
        // readers) is a <div> with one fixed style attribute (sveltejs/kit#11993). Only that exact
        // attribute is allowed, by its hash — no other inline style, and no inline <style>.
        'style-src-attr': ['unsafe-hashes', announcerStyleHash],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self', 'ws:', 'wss:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
