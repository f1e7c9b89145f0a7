/**
 * One cap on request bodies, answered with our words. adapter-node already stops reading at
 * its `BODY_SIZE_LIMIT` (512 KB), but its error is a class of its own bundle, so the app took it
 * for an unexpected one: a bare 500. Lambda has no such cap below its 6 MB. So every body is
 * read through this cap, and reading past it (or a declared length over it, or the adapter's
 * own refusal) fails with the error the caller gives — in the web app our 413.
 */

/** The largest request body taken (bytes): adapter-node's default, above the 450 KB import limit plus form fields. */
export const requestBodyLimit = 512 * 1024;

/**
 * `request` with its body read through the cap. `refuse` throws what a read past the cap rejects
 * with (SvelteKit's `error(413, …)`). A request without a body is returned as it is.
 */
export function limitRequestBody(input: { request: Request; limit: number; refuse: () => never }): Request {
  const { request, limit } = input;
  if (!request.body) return request;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const refusal = () => {
    try {
      input.refuse();
    } catch (caught) {
      return caught;
    }
  };
  const reader = request.body.getReader();
  let size = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (declared > limit) return fail(controller, refusal());
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (caught) {
        return fail(controller, isTooLarge(caught) ? refusal() : caught);
      }
      if (chunk.done) return controller.close();
      size += chunk.value.byteLength;
      if (size > limit) return fail(controller, refusal());
      controller.enqueue(chunk.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: 'half' } as RequestInit);
}

function fail(controller: ReadableStreamDefaultController<Uint8Array>, reason: unknown): void {
  controller.error(reason);
}

/** The adapter's own refusal (`SvelteKitError` 413 from another copy of the kit). */
function isTooLarge(caught: unknown): boolean {
  return typeof caught === 'object' && caught !== null && 'status' in caught && caught.status === 413;
}
