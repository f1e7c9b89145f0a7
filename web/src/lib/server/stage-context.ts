/** The stage reader over the app's own stores (calls, freezes, declarations), built on first use. */
import { callContext } from './calls/context.ts';
import { publicationPorts } from './publication/context.ts';
import type { StageReader } from './stage.ts';

export function stageReader(): StageReader {
  const { ports } = callContext();
  return { calls: ports.calls, freezer: ports.freezer, publications: publicationPorts().publications };
}
