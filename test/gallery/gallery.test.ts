import { describe, expect, it } from 'vitest';
import { routeOf, slug, timesToShoot } from './gallery.ts';

describe('the gallery', () => {
  it('names a page by its route, so each kind of page is shot once', () => {
    expect(routeOf('/statements/stmt_01M92P4Q0W2H4KVNNYR9BEWA6H/versions')).toBe('/statements/:id/versions');
    expect(routeOf('/statements/new')).toBe('/statements/new');
    expect(routeOf('/statements/stmt_1/translations/ar')).toBe('/statements/:id/translations/:lang');
    expect(routeOf('/declarations/future-internet/endorse')).toBe('/declarations/:slug/endorse');
    expect(routeOf('/coalition/organisations/org_9')).toBe('/coalition/organisations/:id');
    expect(routeOf('/reset/abc')).toBe('/reset/:token');
    expect(routeOf('/reset')).toBe('/reset');
    expect(routeOf('/')).toBe('/');
  });

  it('shoots two statements and two declarations, one of everything else', () => {
    expect(timesToShoot('/statements/:id')).toBe(2);
    expect(timesToShoot('/statements/:id/versions')).toBe(1);
  });

  it('names files after routes', () => {
    expect(slug('/statements/:id/versions')).toBe('statements-id-versions');
    expect(slug('/')).toBe('home');
    expect(slug('organisation lead')).toBe('organisation-lead');
  });
});
