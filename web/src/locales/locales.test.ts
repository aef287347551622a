import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from './index';

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const root = join(__dirname, '..');
const zhKeys = new Set(flatten(messages['zh-CN']));
const enKeys = new Set(flatten(messages.en));

describe('locale files', () => {
  it('have the same keys in Chinese and English', () => {
    expect([...zhKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !zhKeys.has(key))).toEqual([]);
  });

  it('hold every fixed key the code uses', () => {
    const used = new Set<string>();
    const pattern = /(?:\bt\(|(?:label|title|hint): )\s*'([a-z]+\.[A-Za-z0-9_.-]+)'/g;
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !zhKeys.has(key))).toEqual([]);
  });

  it('keep Chinese text out of .vue files', () => {
    const offenders = sourceFiles(root)
      .filter((file) => file.endsWith('.vue'))
      .filter((file) => /[\u4e00-\u9fff]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('X-6 name the office-affairs office one way, as the server names the role (机关事务办, never 监管办)', () => {
    const texts = (locale: 'zh-CN' | 'en') =>
      [...(locale === 'en' ? enKeys : zhKeys)].map((key) => [
        key,
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[locale]),
      ]);
    expect(texts('zh-CN').filter(([, text]) => typeof text === 'string' && text.includes('监管办'))).toEqual([]);
    expect(texts('en').filter(([, text]) => typeof text === 'string' && /supervision office/i.test(text))).toEqual([]);
  });

  it('avoid vue-i18n special characters that would break compilation', () => {
    const bad = [...zhKeys].filter((key) => {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages['zh-CN']);
      return typeof text === 'string' && /[@|]/.test(text);
    });
    expect(bad).toEqual([]);
  });
});
