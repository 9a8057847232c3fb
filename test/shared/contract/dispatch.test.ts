import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/shared/contract/dispatch.ts';
import { contract, type Handlers } from '../../../src/shared/contract/index.ts';
import { EmbargoError } from '../../../src/shared/errors.ts';

function handlersWith(overrides: Partial<Record<keyof Handlers, (input: never) => Promise<unknown>>>): Handlers {
  const base = Object.fromEntries(
    Object.keys(contract).map((name) => [name, () => Promise.reject(new Error(`unexpected call to ${name}`))]),
  );
  return { ...base, ...overrides } as unknown as Handlers;
}

describe('the one dispatch', () => {
  it('refuses an unknown method with UnknownMethod', async () => {
    const dispatch = createDispatch(handlersWith({}));
    expect(await dispatch('vault.explode', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'UnknownMethod' }) });
    expect(await dispatch('__proto__', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'UnknownMethod' }) });
  });

  it('validates input before the core sees it, naming the field', async () => {
    let called = false;
    const dispatch = createDispatch(
      handlersWith({
        'case.create': async () => {
          called = true;
          return {};
        },
      }),
    );
    const result = await dispatch('case.create', { title: '', disclosedAt: 'tomorrow', extra: 1 });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('InvalidInput');
      expect(result.error.message).toMatch(/title/);
      expect(result.error.message).toMatch(/disclosedAt/);
    }
  });

  it('validates the output: a core that returns the wrong shape gives InvalidOutput, not bad data', async () => {
    const dispatch = createDispatch(handlersWith({ 'vault.lock': async () => ({ ok: 'yes' }) }));
    const result = await dispatch('vault.lock', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidOutput' }) });
  });

  it('turns thrown coded errors into serialisable values and unknown throws into Internal', async () => {
    const coded = createDispatch(handlersWith({ 'vault.lock': async () => Promise.reject(new EmbargoError('VaultInUse', 'busy', { pid: 1 })) }));
    const codedResult = await coded('vault.lock', {});
    expect(JSON.parse(JSON.stringify(codedResult))).toEqual({ ok: false, error: { code: 'VaultInUse', message: 'busy', data: { pid: 1 } } });
    const unknown = createDispatch(handlersWith({ 'vault.lock': async () => Promise.reject(new TypeError('boom')) }));
    expect(await unknown('vault.lock', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'Internal' }) });
  });

  it('calls onCall for accepted calls only', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch(handlersWith({ 'vault.lock': async () => ({ ok: true }) }), { onCall: (m) => seen.push(m) });
    await dispatch('vault.lock', {});
    await dispatch('vault.lock', { junk: true });
    await dispatch('nope', {});
    expect(seen).toEqual(['vault.lock']);
  });
});
