import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyWithAutoClear, CLIPBOARD_CLEAR_MS } from '../../src/renderer/lib/clipboard.ts';

let board = '';
let readable = true;

beforeEach(() => {
  board = '';
  readable = true;
  vi.useFakeTimers();
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      clipboard: {
        writeText: async (text: string) => void (board = text),
        readText: async () => {
          if (!readable) throw new Error('NotAllowedError');
          return board;
        },
      },
    },
  });
});
afterEach(() => vi.useRealTimers());

describe('copying embargoed text', () => {
  it('clears the clipboard after 30 seconds when it still holds our text', async () => {
    await copyWithAutoClear('embargoed retrospective');
    expect(board).toBe('embargoed retrospective');
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS - 1000);
    expect(board).toBe('embargoed retrospective');
    await vi.advanceTimersByTimeAsync(1000);
    expect(board).toBe('');
  });

  it('leaves something the user copied since then alone', async () => {
    await copyWithAutoClear('embargoed');
    board = 'the user copied this later';
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
    expect(board).toBe('the user copied this later');
  });

  it('clears anyway when the clipboard cannot be read (the desktop session refuses reads)', async () => {
    readable = false;
    await copyWithAutoClear('embargoed');
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
    expect(board).toBe('');
  });

  it('a second copy restarts the 30 seconds', async () => {
    await copyWithAutoClear('first');
    await vi.advanceTimersByTimeAsync(20_000);
    await copyWithAutoClear('second');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(board).toBe('second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board).toBe('');
  });
});
