import { describe, expect, it } from 'vitest';
import { asciiJson, encodeUtf8Into, maxUtf8Length, utf8Bytes } from '#shared/text/utf8';
import { seededRandom } from '../../scripts/seededRandom';

const reference = new TextEncoder();

/** A string of `length` UTF-16 code units from every range the encoder tells apart. */
function randomText(random: () => number, length: number): string {
  const ranges: [number, number][] = [
    [0x00, 0x7f], // one byte
    [0x80, 0x7ff], // two
    [0x800, 0xd7ff], // three
    [0xd800, 0xdbff], // high surrogates: paired below, or left alone
    [0xdc00, 0xdfff], // low surrogates, alone
    [0xe000, 0xffff], // three, above the surrogates
  ];
  const units: number[] = [];
  while (units.length < length) {
    const [from, to] = ranges[Math.floor(random() * ranges.length)];
    const unit = from + Math.floor(random() * (to - from + 1));
    units.push(unit);
    if (unit >= 0xd800 && unit <= 0xdbff && random() < 0.7)
      units.push(0xdc00 + Math.floor(random() * 0x400));
  }
  return String.fromCharCode(...units);
}

describe('utf8Bytes', () => {
  it('writes what TextEncoder writes, lone surrogates included', () => {
    const cases = [
      '',
      'plain ASCII, 12 Harbour Road',
      'Zaslonova Trading – Москва, 東京, ﬁ',
      'emoji 😀 and a flag 🇺🇦',
      'lone high \ud800 then text',
      'lone low \udc00',
      'ends on a high surrogate \udbff',
      '\udc00\ud800 reversed pair',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
    ];
    for (const text of cases) expect(utf8Bytes(text)).toEqual(reference.encode(text));
  });

  it('agrees with TextEncoder on random text from every range', () => {
    const random = seededRandom(8);
    for (let round = 0; round < 500; round += 1) {
      const text = randomText(random, Math.floor(random() * 200));
      expect(utf8Bytes(text)).toEqual(reference.encode(text));
    }
  });

  it('writes at an offset and returns where it ended, within the room it asks for', () => {
    const text = 'é😀x\ud800';
    const out = new Uint8Array(5 + maxUtf8Length(text)).fill(0xaa);
    const end = encodeUtf8Into(text, out, 5);
    const expected = reference.encode(text);
    expect(end).toBe(5 + expected.length);
    expect(out.subarray(5, end)).toEqual(expected);
    expect(out.subarray(0, 5)).toEqual(new Uint8Array(5).fill(0xaa));
  });
});

describe('asciiJson', () => {
  it('writes JSON in ASCII that parses back to the same value', () => {
    const random = seededRandom(21);
    for (let round = 0; round < 200; round += 1) {
      const value = { text: randomText(random, 60), list: [randomText(random, 5), 1.5, null] };
      const json = asciiJson(value);
      expect([...json].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
      expect(JSON.parse(json)).toEqual(value);
    }
    // An escape written as text stays text.
    expect(JSON.parse(asciiJson(['\\u0416', 'Ж']))).toEqual(['\\u0416', 'Ж']);
  });
});
