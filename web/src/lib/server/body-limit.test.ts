import { describe, expect, it } from 'vitest';
import { limitRequestBody } from './body-limit.ts';

class Refusal extends Error {}
const refuse = (): never => {
  throw new Refusal('too large');
};

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request('http://hub.example/statements/new', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, duplex: 'half' } as RequestInit);
}

async function outcome(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return await read();
  } catch (caught) {
    return caught;
  }
}

describe('limitRequestBody', () => {
  it('passes a body within the cap through untouched', async () => {
    const request = limitRequestBody({ request: post('title=A&markdown=Text.'), limit: 100, refuse });
    expect((await request.formData()).get('markdown')).toBe('Text.');
    expect(request.method).toBe('POST');
  });

  it('refuses a body that grows past the cap while it is read, without a declared length', async () => {
    const chunks = Array.from({ length: 20 }, () => new TextEncoder().encode('a'.repeat(10)));
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => void (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) });
    const request = limitRequestBody({ request: post(stream), limit: 100, refuse });
    expect(await outcome(() => request.formData())).toBeInstanceOf(Refusal);
  });

  it('refuses a declared length over the cap before reading anything', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => void (pulled += 1, controller.enqueue(new Uint8Array(10))) });
    const request = limitRequestBody({ request: post(stream, { 'content-length': '5000' }), limit: 100, refuse });
    expect(await outcome(() => request.text())).toBeInstanceOf(Refusal);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('answers the server adapter’s own 413 with the caller’s refusal, and leaves other errors alone', async () => {
    const adapterRefusal = Object.assign(new Error('Payload Too Large'), { status: 413 });
    const refusedUpstream = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(adapterRefusal) });
    expect(await outcome(() => limitRequestBody({ request: post(refusedUpstream), limit: 100, refuse }).json())).toBeInstanceOf(Refusal);
    const broken = new Error('socket hang up');
    const brokenUpstream = new ReadableStream<Uint8Array>({ start: (controller) => controller.error(broken) });
    expect(await outcome(() => limitRequestBody({ request: post(brokenUpstream), limit: 100, refuse }).json())).toBe(broken);
  });

  it('leaves a request without a body as it is', () => {
    const request = new Request('http://hub.example/declarations');
    expect(limitRequestBody({ request, limit: 100, refuse })).toBe(request);
  });
});
