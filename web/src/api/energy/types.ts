import type { PageQuery } from '../types';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type { EnergySaving, EnergySavingInput, EnergySavingPage } from '../generated/schemas';

export interface EnergySavingQuery extends PageQuery {
  contract_id?: number | '';
  vendor_id?: number | '';
  year?: number | '';
}
