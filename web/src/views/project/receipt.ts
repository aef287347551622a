import type { BidReceipt } from '@/api/project/types';
import { formatDateTime } from '@/utils/date';

/** What a bidder keeps of its bid (PRJ-7): enough to check at the opening that the quote opened is its own. */
export interface ReceiptFacts {
  projectCode: string;
  projectName: string;
  bid: Pick<BidReceipt, 'vendor_name' | 'submitted_at' | 'receipt'> & { fingerprint?: string };
}

/** Labels in the language the file is written in. */
export interface ReceiptLabels {
  title: string;
  project: string;
  vendor: string;
  submittedAt: string;
  receipt: string;
  fingerprint: string;
  note: string;
}

/**
 * The text file "下载回执" saves: one "label: value" line per fact, times in Asia/Shanghai, CRLF line ends so
 * Windows Notepad shows it as lines. The amount is not in it: the receipt proves the sealed bytes, not the quote.
 */
export function receiptText(facts: ReceiptFacts, labels: ReceiptLabels): string {
  const lines = [
    labels.title,
    '',
    `${labels.project}: ${facts.projectCode} ${facts.projectName}`.trimEnd(),
    `${labels.vendor}: ${facts.bid.vendor_name}`,
    `${labels.submittedAt}: ${formatDateTime(facts.bid.submitted_at)} (UTC+08:00)`,
    `${labels.receipt}: ${facts.bid.receipt}`,
  ];
  if (facts.bid.fingerprint) lines.push(`${labels.fingerprint}: ${facts.bid.fingerprint}`);
  lines.push('', labels.note, '');
  return lines.join('\r\n');
}

/** "投标回执-XM-2026-0001-某公司.txt", without characters file systems refuse. */
export function receiptFileName(prefix: string, projectCode: string, vendorName: string): string {
  return `${[prefix, projectCode, vendorName].filter(Boolean).join('-')}.txt`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
