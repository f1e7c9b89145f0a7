import { baseLocale, overwriteGetLocale, toLocale } from '$lib/paraglide/runtime.js';

// The server chose the language (profile, switcher cookie, Accept-Language) and rendered the page
// in it; the browser keeps to that choice rather than guessing again from its own languages.
overwriteGetLocale(() => toLocale(document.documentElement.lang) ?? baseLocale);
