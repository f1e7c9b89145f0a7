/**
 * Compiles web/messages into src/lib/paraglide (generated, not committed) without Vite: `pnpm
 * typecheck` and the unit tests import the messages before any build has run.
 */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

await compile({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] });
