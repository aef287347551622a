import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { mapApiError, pickText } from './form-errors';

const refused = new ApiError(400, {
  code: 'InvalidArgument',
  message: { 'zh-CN': '请求数据有误', en: 'The request has invalid fields' },
  fields: [
    { field: 'credit_code', message: { 'zh-CN': '统一社会信用代码校验位错误', en: 'Check digit is wrong' } },
    { field: 'checklist[1].points', message: { 'zh-CN': '分值须为1-100', en: 'Points must be 1..100' } },
    { field: 'X-CSRF-Token', message: { 'zh-CN': '缺少令牌', en: 'Token missing' } },
  ],
  request_id: 'abc',
});

describe('mapApiError', () => {
  it('maps field errors in the chosen locale', () => {
    const zh = mapApiError(refused, 'zh-CN', ['credit_code', 'checklist']);
    expect(zh.message).toBe('请求数据有误');
    expect(zh.fields).toEqual({ credit_code: '统一社会信用代码校验位错误', checklist: '分值须为1-100' });
    expect(zh.unmatched).toEqual(['X-CSRF-Token: 缺少令牌']);

    const en = mapApiError(refused, 'en', ['credit_code', 'checklist']);
    expect(en.message).toBe('The request has invalid fields');
    expect(en.fields.credit_code).toBe('Check digit is wrong');
  });

  it('keeps every field when the form lists none', () => {
    const all = mapApiError(refused, 'en');
    expect(Object.keys(all.fields)).toEqual(['credit_code', 'checklist[1].points', 'X-CSRF-Token']);
    expect(all.unmatched).toEqual([]);
  });

  it('joins two messages for one field', () => {
    const twice = new ApiError(400, {
      code: 'InvalidArgument',
      message: { 'zh-CN': '错', en: 'bad' },
      fields: [
        { field: 'name', message: { 'zh-CN': '太短', en: 'too short' } },
        { field: 'name', message: { 'zh-CN': '重复', en: 'taken' } },
      ],
    });
    expect(mapApiError(twice, 'en', ['name']).fields.name).toBe('too short; taken');
  });

  it('passes through ordinary errors', () => {
    expect(mapApiError(new Error('boom'), 'zh-CN')).toEqual({ message: 'boom', fields: {}, unmatched: [] });
  });
});

describe('pickText', () => {
  it('falls back to the other language', () => {
    expect(pickText({ 'zh-CN': '', en: 'only english' }, 'zh-CN')).toBe('only english');
    expect(pickText(null, 'en')).toBe('');
  });
});
