/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: 'concord',
      home: 'aws',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      protect: input?.stage === 'production',
    };
  },
  async run() {
    await import('./infra/secrets.ts');
    const { table } = await import('./infra/storage.ts');
    const { realtime } = await import('./infra/realtime.ts');
    const { web } = await import('./infra/web.ts');
    await import('./infra/scheduler.ts');
    return { web: web.url, realtime: realtime.url, table: table.name };
  },
});
