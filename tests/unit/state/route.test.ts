import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { parseRoute, routeHash, type Route } from '../../../src/state/route';

// Characters that stress the codec: path and query separators, escapes, the hash itself, spaces,
// letters outside ASCII (2-byte, 3-byte and astral) and the link prefixes' '='.
const ALPHABET = ['a', 'Z', '0', '-', '_', '.', '~', '/', '?', '#', '%', '=', '&', '+', ' ', ':', 'é', 'ü', '中', '😀', 'E0', 'A4', '%2F', '%25'];

function text(rng: Rng, min: number, max: number): string {
  const length = min + rng.int(max - min + 1);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[rng.int(ALPHABET.length)];
  return out;
}

/** A random route of the given kind; ids are any non-empty text, the hash of a link any payload. */
function randomRoute(rng: Rng, page: Route['page']): Route {
  switch (page) {
    case 'gallery':
      return rng.int(3) === 0 ? { page } : { page, link: { kind: rng.int(2) ? 'run' : 'settings', payload: text(rng, 0, 12) } };
    case 'env':
      return { page, envId: text(rng, 1, 12) };
    case 'run':
      return { page, runId: text(rng, 1, 12) };
    case 'tree-bench':
      return { page, query: rng.int(4) === 0 ? '' : text(rng, 1, 12) };
    case 'not-found':
      // A not-found route is one parseRoute made: an unknown path.
      return parseRoute(`#/nope/${text(rng, 0, 8)}`.replace(/\?/g, '')) as Route;
    default:
      return { page };
  }
}

const PAGES: Route['page'][] = ['gallery', 'env', 'runs', 'run', 'custom', 'bench', 'tree-bench', 'not-found'];

describe('routes', () => {
  it('reads each kind of hash', () => {
    expect(parseRoute('')).toEqual({ page: 'gallery' });
    expect(parseRoute('#')).toEqual({ page: 'gallery' });
    expect(parseRoute('#/')).toEqual({ page: 'gallery' });
    expect(parseRoute('#/env/cartpole')).toEqual({ page: 'env', envId: 'cartpole' });
    expect(parseRoute('/env/cartpole')).toEqual({ page: 'env', envId: 'cartpole' });
    expect(parseRoute('#/env/frozenlake%2D4x4')).toEqual({ page: 'env', envId: 'frozenlake-4x4' });
    expect(parseRoute('#/env/custom%3Amy-world')).toEqual({ page: 'env', envId: 'custom:my-world' });
    expect(parseRoute('#/runs')).toEqual({ page: 'runs' });
    expect(parseRoute('#/runs/')).toEqual({ page: 'runs' });
    expect(parseRoute('#/runs/run-1%2F2')).toEqual({ page: 'run', runId: 'run-1/2' });
    expect(parseRoute('#/custom')).toEqual({ page: 'custom' });
    expect(parseRoute('#/bench')).toEqual({ page: 'bench' });
    expect(parseRoute('#/tree-bench')).toEqual({ page: 'tree-bench', query: '' });
    expect(parseRoute('#/tree-bench?n=2000&seed=3')).toEqual({ page: 'tree-bench', query: 'n=2000&seed=3' });
    expect(parseRoute('#run=eNq')).toEqual({ page: 'gallery', link: { kind: 'run', payload: 'eNq' } });
    expect(parseRoute('#settings=env:taxi,seed:2')).toEqual({ page: 'gallery', link: { kind: 'settings', payload: 'env:taxi,seed:2' } });
  });

  it('writes each kind of route', () => {
    expect(routeHash({ page: 'gallery' })).toBe('#/');
    expect(routeHash({ page: 'gallery', link: { kind: 'run', payload: 'abc' } })).toBe('#run=abc');
    expect(routeHash({ page: 'gallery', link: { kind: 'settings', payload: 'env:taxi' } })).toBe('#settings=env:taxi');
    expect(routeHash({ page: 'env', envId: 'custom:my world' })).toBe('#/env/custom%3Amy%20world');
    expect(routeHash({ page: 'runs' })).toBe('#/runs');
    expect(routeHash({ page: 'run', runId: 'a/b' })).toBe('#/runs/a%2Fb');
    expect(routeHash({ page: 'custom' })).toBe('#/custom');
    expect(routeHash({ page: 'bench' })).toBe('#/bench');
    expect(routeHash({ page: 'tree-bench', query: '' })).toBe('#/tree-bench');
    expect(routeHash({ page: 'tree-bench', query: 'demo=cartpole' })).toBe('#/tree-bench?demo=cartpole');
    expect(routeHash({ page: 'not-found', hash: '#/nope' })).toBe('#/nope');
    expect(routeHash({ page: 'not-found', hash: '/nope' })).toBe('#/nope');
  });

  it('round-trips 200 random routes of every kind: parseRoute(routeHash(r)) is r', () => {
    const rng = Rng.seeded(14);
    for (const page of PAGES) {
      for (let i = 0; i < 200; i++) {
        const route = randomRoute(rng, page);
        expect(parseRoute(routeHash(route)), `${page} ${JSON.stringify(route)}`).toEqual(route);
      }
    }
  });

  it('reads every hash to a route that writes back to the same route (2,000 random hashes)', () => {
    const rng = Rng.seeded(7);
    for (let i = 0; i < 2000; i++) {
      const hash = (rng.int(2) ? '#' : '') + (rng.int(3) ? '/' : '') + text(rng, 0, 16);
      const route = parseRoute(hash);
      expect(parseRoute(routeHash(route)), JSON.stringify(hash)).toEqual(route);
    }
  });

  it('gives malformed hashes a clear fallback instead of throwing', () => {
    // A malformed escape stays as typed, so the environment or run page says the id is unknown.
    expect(parseRoute('#/env/%E0%A4%A')).toEqual({ page: 'env', envId: '%E0%A4%A' });
    expect(parseRoute('#/runs/%')).toEqual({ page: 'run', runId: '%' });
    // Unknown paths (and known ones with extra parts) are not-found, echoing what was typed.
    expect(parseRoute('#/nope/x')).toEqual({ page: 'not-found', hash: '#/nope/x' });
    expect(parseRoute('#/env/a/b')).toEqual({ page: 'not-found', hash: '#/env/a/b' });
    expect(parseRoute('#/env')).toEqual({ page: 'not-found', hash: '#/env' });
    expect(parseRoute('#/runs/a/b')).toEqual({ page: 'not-found', hash: '#/runs/a/b' });
    expect(parseRoute('#/tree-benchmark')).toEqual({ page: 'not-found', hash: '#/tree-benchmark' });
    // Hashes that are not paths and not links show the gallery.
    expect(parseRoute('#top')).toEqual({ page: 'gallery' });
    expect(parseRoute('##/env/taxi')).toEqual({ page: 'gallery' });
    expect(parseRoute('#%')).toEqual({ page: 'gallery' });
    // A link with an empty payload is still a link: its opener says what is wrong with it.
    expect(parseRoute('#run=')).toEqual({ page: 'gallery', link: { kind: 'run', payload: '' } });
    // A lone surrogate cannot be percent-encoded; writing it does not throw either.
    expect(routeHash({ page: 'env', envId: 'a\uD800' })).toBe('#/env/a%EF%BF%BD');
  });
});
