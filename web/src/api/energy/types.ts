import type { Attachment } from '../file/types';
import type { PageQuery } from '../types';

/** An energy-saving measure and what it saved (RP-1: counts towards a reward). */
export interface EnergySavingInput {
  contract_id: number | null;
  recorded_on: string;
  measure: string;
  /** Money saved, a decimal string (≥ 0). */
  saving: string;
  /** Electricity saved in kWh (≥ 0); not both zero. */
  saving_kwh: number;
  evidence_ids: number[];
}

export interface EnergySaving extends EnergySavingInput {
  id: number;
  contract_code?: string;
  contract_title?: string;
  vendor_id?: number;
  vendor_name?: string;
  evidence?: Attachment[];
  created_by_name?: string;
  created_at?: string;
}

export interface EnergySavingQuery extends PageQuery {
  contract_id?: number | '';
  vendor_id?: number | '';
  year?: number | '';
}
