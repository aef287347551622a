// The API's shapes come from the server's schemas (server/src/platform/http/api_schemas.json,
// server/src/features/accounts/api_schemas.json; the roles and permissions from core/access itself, issue 10).
export type { LoginForm, PasswordChange, Permission, RoleCode, SessionAnswer, SessionUser } from '../generated/schemas';
