import { describe, expect, it } from 'vitest';
import { execAll } from './exec-all.js';

describe('execAll', () => {
  const same = (re: RegExp, text: string) =>
    expect(execAll(re, text).map((m) => [m.index, m[0], ...m.slice(1)])).toEqual(
      [...text.matchAll(re)].map((m) => [m.index, m[0], ...m.slice(1)]),
    );
  it('finds what matchAll finds, groups included', () => {
    same(/(\w)(\d)?/g, 'a1 b c3');
    same(/(?<![\p{L}])(?:ward|bay) (\d+)/giu, 'Ward 4, then bay 12 and reward 5');
    same(/x*/g, 'abc'); // empty matches
    same(/x*/gu, 'a😀b'); // empty matches step over a surrogate pair
    same(/\p{Extended_Pictographic}/gu, '💙👏 ok');
  });
  it('leaves the expression ready for the next caller, even when run again while reading', () => {
    const re = /\d+/g;
    const outer = execAll(re, '1 22 333');
    const inner = outer.map((m) => execAll(re, `${m[0]} 9`).length);
    expect(outer.map((m) => m[0])).toEqual(['1', '22', '333']);
    expect(inner).toEqual([2, 2, 2]);
    expect(re.lastIndex).toBe(0);
  });
  it('refuses an expression without the global flag, as matchAll does', () => {
    expect(() => execAll(/a/, 'a')).toThrow(/global/);
  });
});
