// Conventions every page integration in entrypoints/content/features follows (refined-github
// style): one file each, a default export { name, include, init }, registered in the list, and a
// closing "Test URLs" comment whose URLs each match the feature's own detectors.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { features } from '@/entrypoints/content/features';
import { matchingFeatures, pageKey, type Feature } from '@/entrypoints/content/runner';

const DIR = join(import.meta.dirname, '../../entrypoints/content/features');
const files = readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && !/^index\.tsx?$/.test(f));

/** URLs listed in the file's final "Test URLs" block comment. */
function testUrls(source: string): string[] | null {
  const block = /\/\*\s*Test URLs\s*\n([\s\S]*?)\*\/\s*$/.exec(source);
  return block ? [...block[1].matchAll(/https?:\/\/\S+/g)].map((m) => m[0]) : null;
}

describe('content features: conventions', () => {
  it('there are feature files, and every one is registered', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(features.length).toBe(files.length);
  });

  for (const file of files) {
    describe(file, async () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const feature = ((await import(`../../entrypoints/content/features/${file.replace(/\.tsx?$/, '')}`)) as { default: Feature }).default;

      it('default-exports { name, include, init }, named after its file', () => {
        expect(feature.name).toBe(file.replace(/\.tsx?$/, ''));
        expect(Array.isArray(feature.include) && feature.include.length > 0).toBe(true);
        for (const detector of feature.include) expect(typeof detector).toBe('function');
        expect(typeof feature.init).toBe('function');
        expect(feature.init.length).toBeGreaterThanOrEqual(1); // takes the AbortSignal
        expect(features).toContain(feature);
      });

      it('ends with a "Test URLs" comment whose URLs it runs on', () => {
        const urls = testUrls(source);
        expect(urls, 'a /* Test URLs … */ comment at the end of the file').not.toBeNull();
        expect(urls!.length).toBeGreaterThan(0);
        for (const url of urls!) {
          // "(via: …)" marks a starting point for the reviewer (a redirect, a page to navigate from).
          if (/^\s*\(via:/.test(source.split(url)[1]?.split('\n')[0] ?? '')) continue;
          expect(matchingFeatures([feature], new URL(url)), url).toEqual([feature]);
        }
      });
    });
  }

  it('feature names are unique', () => {
    expect(new Set(features.map((f) => f.name)).size).toBe(features.length);
  });
});

describe('runner', () => {
  const a: Feature = { name: 'a', include: [(u) => u.hostname === 'arxiv.org'], exclude: [(u) => u.pathname.startsWith('/pdf')], init() {} };
  const b: Feature = { name: 'b', include: [(u) => u.pathname.startsWith('/abs')], init() {} };

  it('runs the features whose detectors match, minus the excluded', () => {
    expect(matchingFeatures([a, b], new URL('https://arxiv.org/abs/1701.05369'))).toEqual([a, b]);
    expect(matchingFeatures([a, b], new URL('https://arxiv.org/pdf/1701.05369'))).toEqual([]);
    expect(matchingFeatures([a, b], new URL('https://openreview.net/forum?id=SylKikSYDH'))).toEqual([]);
  });

  it('treats a hash change as the same page and anything else as a new one', () => {
    const key = pageKey(new URL('https://arxiv.org/html/1911.05507v1'));
    expect(pageKey(new URL('https://arxiv.org/html/1911.05507v1#S2'))).toBe(key);
    expect(pageKey(new URL('https://arxiv.org/html/1911.05507v2'))).not.toBe(key);
    expect(pageKey(new URL('https://openreview.net/forum?id=A'))).not.toBe(pageKey(new URL('https://openreview.net/forum?id=B')));
  });
});
