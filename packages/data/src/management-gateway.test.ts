import { describe, expect, it } from 'vitest';
import { regionOf } from './management-gateway.ts';

describe('regionOf', () => {
  it('reads the region from an execute-api endpoint', () => {
    expect(regionOf('https://abc123.execute-api.eu-west-1.amazonaws.com/production')).toBe('eu-west-1');
    expect(regionOf('https://abc123.execute-api.cn-north-1.amazonaws.com.cn/dev')).toBe('cn-north-1');
  });

  it('signs for a made-up region on loopback, where the local host answers', () => {
    expect(regionOf('http://127.0.0.1:4000/local')).toBe('local');
    expect(regionOf('http://localhost:4000')).toBe('local');
    expect(regionOf('http://[::1]:4000')).toBe('local');
  });

  it('leaves any other endpoint to the environment', () => {
    expect(regionOf('https://ws.concord.example/production')).toBeUndefined();
  });
});
