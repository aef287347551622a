import { describe, expect, it } from 'vitest';
import { chartAnimationDisabled } from './animation';

function fakeWindow(search: string, hash = '', flag?: boolean) {
  return { location: { search, hash } as Location, __HOUQIN_TEST__: flag };
}

describe('chartAnimationDisabled', () => {
  it('is on by default', () => {
    expect(chartAnimationDisabled(fakeWindow('', '#/dashboard'))).toBe(false);
    expect(chartAnimationDisabled(fakeWindow('?noanim=0'))).toBe(false);
  });
  it('is off for the test flag or ?noanim=1', () => {
    expect(chartAnimationDisabled(fakeWindow('', '', true))).toBe(true);
    expect(chartAnimationDisabled(fakeWindow('?noanim=1'))).toBe(true);
    expect(chartAnimationDisabled(fakeWindow('', '#/dashboard?noanim=1'))).toBe(true);
  });
});
