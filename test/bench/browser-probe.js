// The browser suite's probe (browser.ts), injected into every page before the app's own scripts.
// Plain JavaScript read from disk: a function passed through tsx would carry its helpers along.
//
// Each typed character is a marker (a CJK ideograph, one per keystroke), so a stamp names its
// keystroke. Every stamp is on one clock shared by the pages of this browser: the time origin
// plus the page's monotonic clock. First stamps win: a marker seen again later (the text re-sent
// in a later frame, a paragraph re-rendered) is the same keystroke.
(() => {
  const markers = /[\u4e00-\u9fff]/g;
  const now = () => performance.timeOrigin + performance.now();
  const probe = { keydown: {}, sent: {}, received: {}, mutated: {}, painted: {} };
  window.__browserBench = probe;

  const stamp = (table, text, at) => {
    const found = [];
    for (const marker of text.match(markers) ?? []) {
      if (marker in table) continue;
      table[marker] = at;
      found.push(marker);
    }
    return found;
  };

  // Gateway frames are `m<base64>` (one message) or `b<base64>` (one tick's messages); a Yjs
  // update carries inserted text as UTF-8, which the decoder finds among the binary around it.
  const decoder = new TextDecoder();
  const frameText = (data) => {
    if (typeof data !== 'string' || (data[0] !== 'm' && data[0] !== 'b')) return '';
    return decoder.decode(Uint8Array.from(atob(data.slice(1)), (c) => c.charCodeAt(0)));
  };

  // Capturing on window: before the editor's own keydown handlers.
  window.addEventListener('keydown', (event) => stamp(probe.keydown, event.key, now()), true);

  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    stamp(probe.sent, frameText(data), now());
    return send.call(this, data);
  };

  // Registered in the constructor, so before the gateway socket sets its `onmessage`.
  const NativeWebSocket = WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => stamp(probe.received, frameText(event.data), now()));
    }
  };

  // Text reaching the editor's DOM, then the next animation frame: the one that paints it.
  const inEditor = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element?.closest('[data-testid="editor"]') != null;
  };
  new MutationObserver((records) => {
    const at = now();
    const found = [];
    for (const record of records) {
      if (!inEditor(record.target)) continue;
      const text = record.type === 'characterData' ? record.target.data : [...record.addedNodes].map((n) => n.textContent).join('');
      found.push(...stamp(probe.mutated, text, at));
    }
    if (found.length > 0) requestAnimationFrame(() => stamp(probe.painted, found.join(''), now()));
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();
