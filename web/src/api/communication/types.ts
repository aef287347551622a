import type { PageQuery } from '../types';

/** How the office and a vendor were in touch (SUP-6). */
export type Channel = 'phone' | 'meeting' | 'visit' | 'letter' | 'email' | 'message' | 'other';
export const CHANNELS: Channel[] = ['phone', 'meeting', 'visit', 'letter', 'email', 'message', 'other'];

export interface CommunicationInput {
  vendor_id: number | null;
  contract_id: number | null;
  /** ISO-8601 with offset. */
  occurred_at: string;
  channel: Channel;
  /** Who was spoken to on the vendor's side. */
  counterpart: string;
  summary: string;
}

export interface Communication extends CommunicationInput {
  id: number;
  vendor_name?: string;
  contract_code?: string | null;
  contract_title?: string | null;
  created_by_name?: string;
  created_at?: string;
}

export interface CommunicationQuery extends PageQuery {
  vendor_id?: number | '';
  contract_id?: number | '';
}
