import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import type { LocaleCode } from '@/api/types';
import { useEntityDetail } from './useEntityDetail';

interface Thing {
  id: number;
  name: string;
}

function notFound(): ApiError {
  return new ApiError(404, { code: 'NotFound', message: { 'zh-CN': '不存在', en: 'No such thing' } });
}

/** A fetch that answers when the test says so. */
function recorder() {
  const calls: { id: number; answer: (thing: Thing) => void; refuse: (error: unknown) => void }[] = [];
  const fetch = (id: number) =>
    new Promise<Thing>((answer, refuse) => {
      calls.push({ id, answer, refuse });
    });
  return { calls, fetch };
}

describe('useEntityDetail', () => {
  it('loads the entity of the current id and hands it to onLoaded first', async () => {
    const { calls, fetch } = recorder();
    const seen: string[] = [];
    const detail = useEntityDetail({ id: () => 7, fetch, onLoaded: (thing) => seen.push(thing.name), onError: () => {}, locale: () => 'en' });
    const loading = detail.load();
    expect(detail.loading.value).toBe(true);
    expect(calls[0].id).toBe(7);
    calls[0].answer({ id: 7, name: 'seven' });
    expect(await loading).toEqual({ id: 7, name: 'seven' });
    expect(detail.entity.value?.name).toBe('seven');
    expect(seen).toEqual(['seven']);
    expect(detail.loading.value).toBe(false);
    expect(detail.missing.value).toBeNull();
  });

  it('says the entity is missing in the given language on 404 and 400, and forgets it on the next load', async () => {
    const { calls, fetch } = recorder();
    let language: LocaleCode = 'zh-CN';
    const detail = useEntityDetail({ id: () => 9, fetch, onError: () => {}, locale: () => language });
    const first = detail.load();
    calls[0].refuse(notFound());
    expect(await first).toBeNull();
    expect(detail.missing.value).toBe('不存在');
    expect(detail.entity.value).toBeNull();
    language = 'en';
    const second = detail.load();
    expect(detail.missing.value).toBeNull();
    calls[1].refuse(new ApiError(400, { code: 'InvalidArgument', message: { 'zh-CN': '编号无效', en: 'Bad id' } }));
    await second;
    expect(detail.missing.value).toBe('Bad id');
  });

  it('reports any other refusal and keeps the page', async () => {
    const { calls, fetch } = recorder();
    const reported: unknown[] = [];
    const detail = useEntityDetail({ id: () => 1, fetch, onError: (error) => reported.push(error), locale: () => 'en' });
    const first = detail.load();
    calls[0].answer({ id: 1, name: 'one' });
    await first;
    const second = detail.load();
    calls[1].refuse(new ApiError(403, { code: 'PermissionDenied', message: { 'zh-CN': '无权', en: 'Denied' } }));
    await second;
    expect(reported).toHaveLength(1);
    expect(detail.missing.value).toBeNull();
    expect(detail.entity.value?.name).toBe('one');
    expect(detail.loading.value).toBe(false);
  });

  it('loads nothing for a null id (a new entity in an editor)', async () => {
    const { calls, fetch } = recorder();
    const detail = useEntityDetail({ id: () => null, fetch, onError: () => {}, locale: () => 'en' });
    expect(await detail.load()).toBeNull();
    expect(calls).toHaveLength(0);
    expect(detail.loading.value).toBe(false);
    expect(detail.entity.value).toBeNull();
  });

  it('keeps only the latest load when the id changes fast', async () => {
    const { calls, fetch } = recorder();
    let id = 1;
    const detail = useEntityDetail({ id: () => id, fetch, onError: () => {}, locale: () => 'en' });
    const first = detail.load();
    id = 2;
    const second = detail.load();
    calls[1].answer({ id: 2, name: 'two' });
    await second;
    calls[0].refuse(notFound());
    expect(await first).toBeNull();
    expect(detail.entity.value?.name).toBe('two');
    expect(detail.missing.value).toBeNull();
    expect(detail.loading.value).toBe(false);
  });
});
