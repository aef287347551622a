import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '@/locales';
import { fieldLabel, showValue, type Translator } from './format';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './names';

// every operation and object name the server writes to the audit trail has words in zh-CN and English.
const server = join(__dirname, '../../../../../server/src');
const namesHeader = readFileSync(join(server, 'platform/audit/audit_names.h'), 'utf8');

function listIn(source: string, name: string): string[] {
  const body = new RegExp(`${name} = \\{([\\s\\S]*?)\\};`).exec(source)?.[1] ?? '';
  return [...body.replace(/\/\/.*$/gm, '').matchAll(/"(\w+)"/g)].map((match) => match[1]);
}

function cppFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cppFiles(path);
    return name.endsWith('.cpp') && !name.endsWith('_test.cpp') ? [path] : [];
  });
}

function lookup(locale: 'zh-CN' | 'en', key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages[locale]);
}

function translator(locale: 'zh-CN' | 'en'): Translator {
  return {
    te: (key) => typeof lookup(locale, key) === 'string',
    t: (key, named) => String(lookup(locale, key) ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(named?.[name] ?? `{${name}}`)),
  };
}

const serverActions = listIn(namesHeader, 'kAuditActions');
const serverEntities = listIn(namesHeader, 'kAuditEntities');
const sources = cppFiles(server).map((path) => readFileSync(path, 'utf8'));

/** Each AppendAudit call's text, up to the end of its statement. */
const appendCalls = sources.flatMap((source) => [...source.matchAll(/AppendAudit\(([\s\S]*?)\);/g)].map((match) => match[1]));

describe('audit trail names', () => {
  it('X-1 the web lists the same operations and objects as the server', () => {
    expect(serverActions.length).toBeGreaterThan(40);
    expect([...AUDIT_ACTIONS].sort()).toEqual([...serverActions].sort());
    expect([...AUDIT_ENTITIES].sort()).toEqual([...serverEntities].sort());
  });

  it('X-1 every literal operation and object an AppendAudit call writes is in the server list', () => {
    const literal = appendCalls.flatMap((call) => [...call.matchAll(/\{"(\w+)",\s*"(\w+)"/g)].map((match) => [match[1], match[2]]));
    expect(literal.length).toBeGreaterThan(30);
    expect(literal.filter(([action]) => !serverActions.includes(action))).toEqual([]);
    expect(literal.filter(([, entity]) => !serverEntities.includes(entity))).toEqual([]);
    const entityAfterVariable = appendCalls.flatMap((call) => [...call.matchAll(/\{[\w"+. ]+,\s*"(\w+)",/g)].map((match) => match[1]));
    expect(entityAfterVariable.filter((entity) => !serverEntities.includes(entity))).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('X-6 every operation and object has a label in %s', (locale) => {
    const i18n = translator(locale);
    expect(serverActions.filter((action) => !i18n.te(`audit.action.${action}`))).toEqual([]);
    expect(serverEntities.filter((entity) => !i18n.te(`audit.entity.${entity}`))).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('X-6 every field the server records in an audit snapshot has a label in %s', (locale) => {
    const i18n = translator(locale);
    const keys = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/std::string \w+Snapshot\([^)]*\) \{([\s\S]*?)\n\}\n/g)) {
        for (const key of match[1].matchAll(/\{"(\w+)",|json\["(\w+)"\]/g)) keys.add(key[1] ?? key[2]);
      }
    }
    // The opening record (the `open` entry's after) and the registration verdict are built in the procurement codec.
    for (const source of sources) {
      for (const match of source.matchAll(
        /(?:std::string|Json) (?:OpeningRecordJson|CriteriaVerdictJson|ValuesJson|ReasonsArray)\([^)]*\) \{([\s\S]*?)\n\}\n/g,
      )) {
        for (const key of match[1].matchAll(/\{"([\w-]+)",/g)) keys.add(key[1]);
      }
    }
    for (const call of appendCalls) for (const key of call.matchAll(/\\?"(\w+)\\?":/g)) keys.add(key[1]);
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('draw_seed') && keys.has('active_version_no')).toBe(true);
    const missing = [...keys].filter((key) => fieldLabel('contract', key, i18n) === key);
    expect(missing).toEqual([]);
  });
});

describe('audit values in words', () => {
  const zh = translator('zh-CN');
  it('X-6 shows empty as —, money with separators and 元, instants in Asia/Shanghai, ids as records', () => {
    expect(showValue('contract', 'successor_id', null, zh).text).toBe('—');
    expect(showValue('contract', 'total_amount', '1234567.5', zh).text).toBe('1,234,567.50 元');
    expect(showValue('project', 'bid_deadline', '2030-01-01T01:30:00Z', zh).text).toBe('2030-01-01 09:30:00');
    expect(showValue('proposal', 'contract_id', 7, zh)).toEqual({ text: '合同 #7', to: { name: 'contract-detail', params: { id: '7' } } });
    expect(showValue('meeting', 'vendor_ids', [2, 5], zh).text).toBe('外包单位 #2、#5');
    expect(showValue('contract', 'review_state', 'in_review', zh).text).toBe('审查中');
    expect(showValue('proposal', 'status', 'pending_leadership', zh).text).toBe('待领导审批');
    expect(showValue('user', 'active', true, zh).text).toBe('是');
    expect(showValue('setting', 'key', 'auth.lockout_minutes', zh).text).toBe('登录暂停分钟数');
    expect(showValue('attachment', 'sha256', 'ab'.repeat(32), zh).text).toBe('abababab…');
  });
});
