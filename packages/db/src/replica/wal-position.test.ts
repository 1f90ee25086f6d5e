import { describe, expect, test } from 'vitest';
import { walPosition } from './wal-position.ts';

describe('WAL positions', () => {
  test('a later position compares greater, across the high word too', () => {
    expect(walPosition('0/16B3748') < walPosition('0/16B3750')).toBe(true);
    expect(walPosition('0/FFFFFFFF') < walPosition('1/0')).toBe(true);
    expect(walPosition('16/B374D848')).toBe(0x16b374d848n);
  });

  test('anything that is not a position is refused rather than read as zero', () => {
    expect(() => walPosition('')).toThrow(/not a WAL position/);
    expect(() => walPosition('16B374D848')).toThrow(/not a WAL position/);
    expect(() => walPosition('1/2/3')).toThrow(/not a WAL position/);
  });
});
