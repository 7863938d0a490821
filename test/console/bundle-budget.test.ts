import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coldLoadBytes } from '../helpers/bundle.js';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const built = existsSync(`${dist}.vite/manifest.json`);
// The console is built before the browser tests; under CI a missing build is a failure, not a skip.
const run = built || process.env.CI === 'true';

/** Budgets from the performance issue: gzip bytes of JS + CSS fetched on a cold load. */
const LOGIN_BUDGET = 250 * 1024;
const ROUTE_BUDGET = 700 * 1024;

describe.skipIf(!run)('console bundle budgets', () => {
  it('the login page loads no more than 250 KB of gzipped JS and CSS', () => {
    const routes = coldLoadBytes(dist);
    expect(routes.get('pages/auth/login')).toBeLessThanOrEqual(LOGIN_BUDGET);
  });

  it('no console route loads more than 700 KB of gzipped JS and CSS on a cold load', () => {
    const routes = coldLoadBytes(dist);
    expect(routes.size).toBeGreaterThan(10);
    const over = [...routes].filter(([, bytes]) => bytes > ROUTE_BUDGET).map(([route, bytes]) => `${route}: ${Math.round(bytes / 1024)} KB`);
    expect(over).toEqual([]);
  });
});
