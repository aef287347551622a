import { describe, expect, it } from 'vitest';
import { receiptFileName, receiptText } from './receipt';

const LABELS = {
  title: '投标回执',
  project: '项目',
  vendor: '投标单位',
  submittedAt: '提交时间',
  receipt: '回执',
  fingerprint: '密封公钥指纹',
  note: '核对说明',
};

describe('bid receipt file (PRJ-7)', () => {
  it('PRJ-7: holds project code, vendor, Shanghai submission time, receipt and fingerprint, one per line', () => {
    const text = receiptText(
      {
        projectCode: 'XM-2026-0001',
        projectName: '会务服务',
        bid: { vendor_name: '甲公司', submitted_at: '2026-12-01T01:02:03Z', receipt: 'ab12cd', fingerprint: '1a2b 3c4d' },
      },
      LABELS,
    );
    expect(text.split('\r\n')).toEqual([
      '投标回执',
      '',
      '项目: XM-2026-0001 会务服务',
      '投标单位: 甲公司',
      '提交时间: 2026-12-01 09:02:03 (UTC+08:00)',
      '回执: ab12cd',
      '密封公钥指纹: 1a2b 3c4d',
      '',
      '核对说明',
      '',
    ]);
  });
  it('PRJ-7: leaves the fingerprint out when unknown and never contains the amount', () => {
    const text = receiptText(
      { projectCode: 'XM-2026-0002', projectName: '', bid: { vendor_name: 'V', submitted_at: '2026-12-01T09:00:00+08:00', receipt: 'ff' } },
      LABELS,
    );
    expect(text).not.toContain('密封公钥指纹');
    expect(text).toContain('项目: XM-2026-0002\r\n');
  });
  it('PRJ-7: names the file after project and vendor without characters file systems refuse', () => {
    expect(receiptFileName('投标回执', 'XM-2026-0001', '甲公司')).toBe('投标回执-XM-2026-0001-甲公司.txt');
    expect(receiptFileName('bid-receipt', 'XM-2026-0001', 'A/B "Co" Ltd')).toBe('bid-receipt-XM-2026-0001-A_B_Co_Ltd.txt');
  });
});
