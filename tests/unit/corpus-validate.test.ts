// Pack files are checked before anything is written: one clear sentence per way a file can be bad.
import { describe, expect, it } from 'vitest';
import { checkPackSize, MAX_PACK_BYTES, PackError, parsePackText, readPack, validatePack } from '../../utils/corpus/validate';
import { badPackFiles, makePack, protoKeysPackText } from '../fixtures/packs/make-packs';

function problemOf(fn: () => unknown): { problem: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return { problem: (error as PackError).problem, message: (error as PackError).message };
  }
  throw new Error('expected a PackError');
}

describe('pack validation', () => {
  it('accepts a well-formed pack and returns it unchanged', () => {
    const pack = makePack({ id: 'ok', summaries: 5, concepts: 2 });
    const text = JSON.stringify(pack);
    expect(readPack(text)).toEqual(pack);
  });

  for (const bad of badPackFiles()) {
    it(`rejects ${bad.name} as ${bad.problem} with a clear message`, () => {
      const { problem, message } = problemOf(() => readPack(bad.text));
      expect(problem).toBe(bad.problem);
      expect(message).toMatch(bad.says);
      expect(message.length).toBeLessThan(600);
    });
  }

  it('calls a cut-off file truncated wherever it is cut', () => {
    const text = JSON.stringify(makePack({ id: 'cut', summaries: 3, concepts: 1 }));
    for (const at of [1, 10, 100, 1000, Math.floor(text.length / 2), text.length - 1]) {
      expect(problemOf(() => parsePackText(text.slice(0, at))).problem, `cut at ${at}`).toBe('truncated');
    }
  });

  it('rejects files over the size limit before reading them', () => {
    expect(() => checkPackSize(MAX_PACK_BYTES)).not.toThrow();
    const { problem, message } = problemOf(() => checkPackSize(MAX_PACK_BYTES + 1));
    expect(problem).toBe('too-large');
    expect(message).toMatch(/200\.0 MB/);
    expect(problemOf(() => checkPackSize(0)).problem).toBe('empty');
  });

  it('names every kind of wrong type with its path', () => {
    const pack = makePack({ id: 'types', summaries: 2, concepts: 1 }) as unknown as Record<string, unknown>;
    const cases: [(p: any) => void, RegExp][] = [
      [(p) => (p.summaries = 'many'), /^.*summaries: .*array/],
      [(p) => (p.summaries[0].truncated = 'no'), /summaries\[0\]\.truncated/],
      [(p) => (p.summaries[0].paper.authors = [1, 2]), /summaries\[0\]\.paper\.authors\[0\]/],
      [(p) => (p.concepts[0].html = 'x'.repeat(2_000_001)), /concepts\[0\]\.html/],
      [(p) => (p.id = 'has spaces/and slashes'), /id: pack id/],
      [(p) => (p.summaries[0].paper.confidence = 'certain'), /confidence/],
    ];
    for (const [patch, says] of cases) {
      const copy = structuredClone(pack);
      patch(copy);
      const { problem, message } = problemOf(() => validatePack(copy));
      expect(problem).toBe('wrong-types');
      expect(message).toMatch(says);
    }
  });

  it('drops prototype-pollution keys instead of merging them', () => {
    const pack = readPack(protoKeysPackText());
    expect(Object.hasOwn(pack, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(pack)).toBe(Object.prototype);
    expect(Object.hasOwn(pack.summaries[0].paper, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(pack.summaries).toHaveLength(2);
  });

  it('reports duplicate concept ids too', () => {
    const pack = makePack({ id: 'dupc', summaries: 1, concepts: 2 });
    pack.concepts[1].id = pack.concepts[0].id;
    expect(problemOf(() => validatePack(pack))).toMatchObject({ problem: 'duplicate-ids', message: expect.stringMatching(/concepts in the pack share the id "dupc-c0"/) });
  });
});
