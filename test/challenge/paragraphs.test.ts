import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ParagraphIndex, paragraphNumber, splitParagraphs } from '../../src/challenge/paragraphs.js';

function fixtureDoc(name: string): string {
  const payload = JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}.json`, import.meta.url), 'utf8')) as { doc: string };
  return payload.doc;
}

describe('splitParagraphs with [paragraph_N] tags', () => {
  it('numbers paragraphs by their tags and strips the tag', () => {
    const paragraphs = splitParagraphs(fixtureDoc('wallet'));
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[0]).toEqual({ n: 1, text: 'Northwind Analytics (NWA) is a data-services firm headquartered in Boston. It was founded in 1998.' });
    expect(paragraphs[11]?.n).toBe(12);
  });

  it("uses each tag's own number, drops an untagged preamble and keeps multi-line paragraphs whole", () => {
    const doc = 'Digest title\n\n[paragraph_3] First line\nsecond line.\n\n[paragraph_7] Seventh.\r\n\r\n[paragraph_5] Fifth.';
    expect(splitParagraphs(doc)).toEqual([
      { n: 3, text: 'First line\nsecond line.' },
      { n: 7, text: 'Seventh.' },
      { n: 5, text: 'Fifth.' },
    ]);
  });

  it('treats a mid-line tag as a cross-reference, not a boundary', () => {
    const doc = '[paragraph_1] See [paragraph_2] for details.\n\n[paragraph_2] Details.';
    expect(splitParagraphs(doc)).toEqual([
      { n: 1, text: 'See [paragraph_2] for details.' },
      { n: 2, text: 'Details.' },
    ]);
  });

  it('merges a number tagged twice into one paragraph', () => {
    expect(splitParagraphs('[paragraph_1] A.\n[paragraph_2] B.\n[paragraph_1] C.')).toEqual([
      { n: 1, text: 'A.\n\nC.' },
      { n: 2, text: 'B.' },
    ]);
  });
});

describe('splitParagraphs without tags', () => {
  it('numbers blank-line-separated blocks from 1, the title included', () => {
    const paragraphs = splitParagraphs(fixtureDoc('v1'));
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs[0]).toEqual({ n: 1, text: 'Quarterly industry digest' });
    expect(paragraphs[1]?.text).toMatch(/^Northwind Analytics \(NWA\)/);
  });

  it('treats whitespace-only lines as blank and skips empty blocks', () => {
    expect(splitParagraphs('\n\nOne\n  \t\nTwo\nstill two\n\n\n\nThree\n')).toEqual([
      { n: 1, text: 'One' },
      { n: 2, text: 'Two\nstill two' },
      { n: 3, text: 'Three' },
    ]);
  });
});

describe('paragraphNumber', () => {
  it.each([
    ['paragraph_12', 12],
    ['Paragraph_12', 12],
    ['paragraph 12', 12],
    ['paragraph-12', 12],
    ['paragraph12', 12],
    ['[paragraph_12]', 12],
    [' paragraph_012 ', 12],
    ['para 12', 12],
    ['p12', 12],
    ['P_12', 12],
    ['paragraph_0', 0],
  ])('reads %j as %d', (source, n) => {
    expect(paragraphNumber(source)).toBe(n);
  });

  it.each(['12', 'paragraph_', 'paragraph_12-13', 'paragraphs 1,2', 'paragraph_12a', 'section_12', 'p-1x', ''])(
    'rejects %j',
    (source) => {
      expect(paragraphNumber(source)).toBeUndefined();
    },
  );
});

describe('ParagraphIndex', () => {
  const index = new ParagraphIndex(fixtureDoc('wallet'));

  it('finds paragraphs by number and by citation', () => {
    expect(index.size).toBe(12);
    expect(index.get(7)?.text).toBe("NorthSure's Q2 revenue was exactly 120 below Northwind Analytics's.");
    expect(index.cite('paragraph_7')).toBe(index.get(7));
  });

  it('returns undefined for fake or unreadable citations', () => {
    expect(index.get(13)).toBeUndefined();
    expect(index.cite('paragraph_99')).toBeUndefined();
    expect(index.cite('the seventh paragraph')).toBeUndefined();
  });

  it('indexes a given paragraph list as is', () => {
    const own = new ParagraphIndex([{ n: 4, text: 'Four.' }]);
    expect(own.get(4)?.text).toBe('Four.');
    expect(own.get(1)).toBeUndefined();
  });
});
