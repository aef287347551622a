import type { PageQuery } from '../types';
import type { Channel } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/supervision/api_schemas.json, issue 10).
export type { Channel, Communication, CommunicationInput } from '../generated/schemas';

export const CHANNELS: Channel[] = ['phone', 'meeting', 'visit', 'letter', 'email', 'message', 'other'];

export interface CommunicationQuery extends PageQuery {
  vendor_id?: number | '';
  contract_id?: number | '';
}
