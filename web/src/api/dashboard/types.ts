// The API's shapes come from the server's schemas (server/src/features/dashboard/api_schemas.json, issue 10).
export type { Dashboard, DayCount, Reminder, SupervisionDashboard } from '../generated/schemas';
