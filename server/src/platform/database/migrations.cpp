#include "platform/database/migrations.h"

#include <spdlog/spdlog.h>

#include <string>
#include <vector>

namespace houqin::storage {
namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql;  // {pk} becomes the engine's auto-increment primary key
    // When set, PostgreSQL runs this instead of sql (for what the engines spell differently, such as JSON).
    const char* postgres_sql = nullptr;
};

// Append only: a migration that has shipped is never edited, a later one changes it.
const std::vector<Migration>& AllMigrations() {
    static const std::vector<Migration> kMigrations = {
        {1, "foundation", R"SQL(
CREATE TABLE orgs (
  id {pk},
  parent_id BIGINT REFERENCES orgs(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  path TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX orgs_parent ON orgs(parent_id);

CREATE TABLE users (
  id {pk},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  id {pk},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  scope_path TEXT NOT NULL,
  vendor_org_id BIGINT,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
CREATE TABLE settings_history (
  id {pk},
  key TEXT NOT NULL,
  value BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX settings_history_key ON settings_history(key, id);

CREATE TABLE categories (
  id {pk},
  parent_id BIGINT REFERENCES categories(id),
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL,
  checklist_json TEXT NOT NULL,
  criteria_json TEXT NOT NULL,
  staff_roles_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE attachments (
  id {pk},
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  owner_path TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE vendors (
  id {pk},
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  legal_representative TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  address TEXT NOT NULL,
  bank_account_name TEXT NOT NULL,
  bank_name TEXT NOT NULL,
  bank_account_no TEXT NOT NULL,
  staff_count BIGINT NOT NULL,
  registered_capital_fen BIGINT NOT NULL,
  has_training_system INTEGER NOT NULL,
  has_management_system INTEGER NOT NULL,
  status TEXT NOT NULL,
  earliest_expiry TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX vendors_owner_name ON vendors(owner_path, name);
CREATE INDEX vendors_status_name ON vendors(status, name);
CREATE INDEX vendors_name ON vendors(name);
CREATE INDEX vendors_org ON vendors(org_id);
CREATE INDEX vendors_expiry ON vendors(earliest_expiry);

CREATE TABLE vendor_categories (
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  category_id BIGINT NOT NULL REFERENCES categories(id),
  PRIMARY KEY (vendor_id, category_id)
);
CREATE INDEX vendor_categories_category ON vendor_categories(category_id, vendor_id);

CREATE TABLE qualifications (
  id {pk},
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  type TEXT NOT NULL,
  cert_no TEXT NOT NULL,
  issuer TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  attachment_id BIGINT REFERENCES attachments(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX qualifications_vendor ON qualifications(vendor_id);
CREATE INDEX qualifications_until ON qualifications(valid_until);

-- X-1: append-only, hash-chained. seq is assigned from audit_head inside the writing transaction, so the chain
-- has no gaps and no two writers can take the same place.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
)SQL"},
        {2, "vendor list speed", R"SQL(
-- A counter per data set, bumped in the same transaction as any change to it, so every instance can tell whether
-- a cached list page is still current with one indexed read (see services/vendor_service.cpp).
CREATE TABLE data_versions (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('vendors', 0);
-- Scope (owner_path range) with status, so scoped, filtered lists and counts read one index.
CREATE INDEX vendors_owner_status_name ON vendors(owner_path, status, name);
)SQL"},
        {3, "contracts", R"SQL(
-- One generic record of workflow steps for every "request, review, decide" flow (rules/workflow.h).
CREATE TABLE workflow_events (
  id {pk},
  subject_type TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  version_no INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  role TEXT NOT NULL,
  comment TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX workflow_events_subject ON workflow_events(subject_type, subject_id, id);

CREATE TABLE contracts (
  id {pk},
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  category_id BIGINT NOT NULL REFERENCES categories(id),
  status TEXT NOT NULL,
  review_state TEXT NOT NULL,
  version_no INTEGER NOT NULL,
  active_version_no INTEGER NOT NULL DEFAULT 0,
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  total_amount_fen BIGINT NOT NULL,
  predecessor_id BIGINT REFERENCES contracts(id),
  successor_id BIGINT REFERENCES contracts(id),
  signing_json TEXT,
  termination_json TEXT,
  amendment_json TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX contracts_owner ON contracts(owner_path, status, term_end);
CREATE INDEX contracts_vendor_org ON contracts(vendor_org_id);
CREATE INDEX contracts_term_end ON contracts(status, term_end);

CREATE TABLE contract_versions (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  version_no INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  content_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  submitted_at BIGINT,
  UNIQUE (contract_id, version_no)
);

CREATE TABLE contract_consultations (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  held_on TEXT NOT NULL,
  participants TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX contract_consultations_contract ON contract_consultations(contract_id);

CREATE TABLE contract_ledger (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX contract_ledger_contract ON contract_ledger(contract_id);

CREATE TABLE contract_payments (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  period TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX contract_payments_contract ON contract_payments(contract_id);
)SQL"},
        {4, "supervision", R"SQL(
-- SUP-3: one assessment per contract, period and kind; items (points lost in tenths, notes, photos) as JSON.
CREATE TABLE assessments (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  contract_version_no INTEGER NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  inspector TEXT NOT NULL,
  items_json TEXT NOT NULL,
  terms_json TEXT NOT NULL,
  total_tenths INTEGER NOT NULL,
  original_total_tenths INTEGER NOT NULL,
  pass_mark INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  grade TEXT NOT NULL,
  failed_items INTEGER NOT NULL,
  missing_staff_days INTEGER NOT NULL,
  summary TEXT NOT NULL,
  status TEXT NOT NULL,
  appeal_deadline TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (contract_id, period, kind)
);
CREATE INDEX assessments_owner ON assessments(owner_path, assessed_on);
CREATE INDEX assessments_vendor ON assessments(vendor_org_id, assessed_on);

-- Files the office attached for a vendor to see (assessment photos): the vendor's users may download them.
CREATE TABLE attachment_grants (
  attachment_id BIGINT NOT NULL REFERENCES attachments(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  PRIMARY KEY (attachment_id, vendor_org_id)
);

-- SUP-8: one appeal per assessment.
CREATE TABLE assessment_appeals (
  id {pk},
  assessment_id BIGINT NOT NULL UNIQUE REFERENCES assessments(id),
  reason TEXT NOT NULL,
  attachment_ids TEXT NOT NULL,
  status TEXT NOT NULL,
  previous_total_tenths INTEGER NOT NULL,
  decision_reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at BIGINT
);

-- SUP-4. Who answered is kept apart from what was answered: anonymous answers carry no user, no time and a random
-- key, and on SQLite both tables are stored in key order (no rowid), so neither order nor time links them.
CREATE TABLE surveys (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  period TEXT NOT NULL,
  title TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  questions_json TEXT NOT NULL,
  status TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  basic_counts_satisfied INTEGER NOT NULL,
  closed_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX surveys_owner ON surveys(owner_path, status);

CREATE TABLE survey_respondents (
  survey_id BIGINT NOT NULL REFERENCES surveys(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (survey_id, user_id)
){without_rowid};

CREATE TABLE survey_answers (
  survey_id BIGINT NOT NULL REFERENCES surveys(id),
  answer_key TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  rating TEXT NOT NULL,
  answers_json TEXT NOT NULL,
  comment TEXT NOT NULL,
  PRIMARY KEY (survey_id, answer_key)
){without_rowid};

-- SUP-1
CREATE TABLE meetings (
  id {pk},
  owner_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  title TEXT NOT NULL,
  scheduled_at BIGINT NOT NULL,
  location TEXT NOT NULL,
  vendor_ids TEXT NOT NULL,
  attendee_org_ids TEXT NOT NULL,
  agenda TEXT NOT NULL,
  minutes TEXT NOT NULL,
  attendees_present TEXT NOT NULL,
  status TEXT NOT NULL,
  cancel_reason TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meetings_owner ON meetings(owner_path, scheduled_at);

CREATE TABLE meeting_opinions (
  id {pk},
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  org_id BIGINT REFERENCES orgs(id),
  org_name TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_opinions_meeting ON meeting_opinions(meeting_id);

-- SUP-2
CREATE TABLE rectifications (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  meeting_id BIGINT REFERENCES meetings(id),
  assessment_id BIGINT REFERENCES assessments(id),
  title TEXT NOT NULL,
  requirement TEXT NOT NULL,
  owner TEXT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  completion TEXT NOT NULL,
  evidence_ids TEXT NOT NULL,
  reported_at BIGINT,
  verified_by TEXT NOT NULL,
  verified_at BIGINT,
  result TEXT NOT NULL,
  effect TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX rectifications_owner ON rectifications(owner_path, status, deadline);
CREATE INDEX rectifications_vendor ON rectifications(vendor_org_id, status);

-- SUP-6
CREATE TABLE communications (
  id {pk},
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  contract_id BIGINT REFERENCES contracts(id),
  occurred_at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  counterpart TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_by BIGINT,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX communications_owner ON communications(owner_path, occurred_at);

-- RP-1 节能降耗
CREATE TABLE energy_savings (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  measure TEXT NOT NULL,
  saving_fen BIGINT NOT NULL,
  saving_kwh BIGINT NOT NULL,
  evidence_ids TEXT NOT NULL,
  created_by BIGINT,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX energy_savings_contract ON energy_savings(contract_id, recorded_on);

-- RP-1 … RP-4: what the rules proposed, with the evidence and values used; the same evidence never twice.
CREATE TABLE proposals (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  rule_version TEXT NOT NULL,
  settings_version TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  period TEXT NOT NULL,
  amount_fen BIGINT,
  approved_amount_fen BIGINT,
  evidence_json TEXT NOT NULL,
  thresholds_json TEXT NOT NULL,
  explanation_zh TEXT NOT NULL,
  explanation_en TEXT NOT NULL,
  status TEXT NOT NULL,
  ledger_entry_id BIGINT REFERENCES contract_ledger(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX proposals_owner ON proposals(owner_path, status);
CREATE INDEX proposals_contract ON proposals(contract_id, status);
)SQL"},
        {5, "procurement", R"SQL(
-- PRJ-3: per year, the government procurement catalogue and threshold; every version is kept.
CREATE TABLE procurement_rules (
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  threshold_fen BIGINT NOT NULL,
  basis TEXT NOT NULL,
  catalogue_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (year, version)
);

-- PRJ-1, PRJ-2, PRJ-3, PRJ-6, PRJ-8: a project from approval to the award; the route decision is kept with the
-- reasons and values it used.
CREATE TABLE projects (
  id {pk},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  category_id BIGINT NOT NULL REFERENCES categories(id),
  item_codes_json TEXT NOT NULL,
  scope TEXT NOT NULL,
  annual_budget_fen BIGINT NOT NULL,
  total_budget_fen BIGINT NOT NULL,
  service_start TEXT NOT NULL,
  service_end TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES orgs(id),
  responsible_person TEXT NOT NULL,
  responsible_phone TEXT NOT NULL,
  plan_ids_json TEXT NOT NULL,
  owner_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  status TEXT NOT NULL,
  route TEXT,
  route_decision_json TEXT,
  gov_method TEXT,
  gov_reference TEXT,
  gov_agency TEXT,
  gov_started_on TEXT,
  gov_completed_on TEXT,
  gov_result TEXT,
  ceiling_fen BIGINT,
  ceiling_reason TEXT,
  ceiling_set_by_name TEXT,
  ceiling_set_at BIGINT,
  bid_deadline BIGINT,
  opening_at BIGINT,
  opening_failures INTEGER NOT NULL DEFAULT 0,
  opening_failed_at BIGINT,
  outcome TEXT,
  winner_vendor_id BIGINT REFERENCES vendors(id),
  winner_quote_fen BIGINT,
  contract_id BIGINT REFERENCES contracts(id),
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX projects_owner ON projects(owner_path, status);

-- PRJ-7: the bidding's key pair; the private key only locked by the officer's and the witness's secrets, which are
-- never stored (docs/procurement.md).
CREATE TABLE project_seals (
  project_id BIGINT PRIMARY KEY REFERENCES projects(id),
  public_key TEXT NOT NULL,
  locked_private_key TEXT NOT NULL,
  officer_salt TEXT NOT NULL,
  witness_salt TEXT NOT NULL,
  officer_check TEXT NOT NULL,
  witness_check TEXT NOT NULL,
  opslimit BIGINT NOT NULL,
  memlimit BIGINT NOT NULL,
  fingerprint TEXT NOT NULL,
  officer_id BIGINT REFERENCES users(id),
  officer_name TEXT NOT NULL,
  witness_id BIGINT REFERENCES users(id),
  witness_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- PRJ-5: a vendor's registration with the criteria verdict and the values it used.
CREATE TABLE project_registrations (
  id {pk},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  qualified INTEGER NOT NULL,
  verdict_json TEXT NOT NULL,
  checked_at BIGINT NOT NULL,
  registered_by_name TEXT NOT NULL,
  UNIQUE (project_id, vendor_id)
);

-- PRJ-7: one sealed quote per vendor and project; the amount exists only inside `sealed` until the opening.
CREATE TABLE bids (
  id {pk},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  submitted_at BIGINT NOT NULL,
  submitted_by_name TEXT NOT NULL,
  sealed TEXT NOT NULL,
  receipt TEXT NOT NULL,
  opened_quote_fen BIGINT,
  valid INTEGER,
  bid_rank INTEGER,
  reasons_json TEXT,
  UNIQUE (project_id, vendor_id)
);

-- PRJ-7: the opening record (every quote, validity, ranking, draw, witnesses), written once.
CREATE TABLE bid_openings (
  project_id BIGINT PRIMARY KEY REFERENCES projects(id),
  opened_at BIGINT NOT NULL,
  officer_name TEXT NOT NULL,
  witness_name TEXT NOT NULL,
  record_json TEXT NOT NULL
);
)SQL"},
        {6, "password lock-out", R"SQL(
-- The lock-out of every password typed (log-in, password change, the opening witness), per name typed, known or not,
-- so an unknown name answers as a real one does. One row per name; a failure is counted by one atomic statement, so
-- parallel guesses cannot lose a count, and a lock is only ever set, never written back to empty by a late failure.
-- users.failed_logins and users.locked_until (migration 1) are no longer read or written.
CREATE TABLE login_throttle (
  subject TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  locked_until BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
)SQL"},
        {7, "user names unique whatever their case; log-in waits held by one attempt", R"SQL(
-- "Admin" and "admin" are one name: a log-in finds a user by the name in lower case, and no two users share it.
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
-- The attempt that reaches a limit waits its counter in the same statement that counts it and holds it (holder: a
-- random mark of that attempt), so parallel attempts are refused until it is checked; see features/accounts/password_gate.
ALTER TABLE login_throttle ADD COLUMN holder TEXT NOT NULL DEFAULT '';
)SQL"},
        {8, "witness consents", R"SQL(
-- PRJ-7: the discipline-inspection witness consents from their own session to one step of one project (the seal's
-- creation, the opening); the office's step uses the consent once, while it is fresh. No password is typed for it.
CREATE TABLE witness_consents (
  id {pk},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  purpose TEXT NOT NULL,
  witness_id BIGINT NOT NULL REFERENCES users(id),
  witness_name TEXT NOT NULL,
  given_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  used_by_name TEXT
);
CREATE INDEX witness_consents_project ON witness_consents (project_id, purpose, given_at);
)SQL"},
        {9, "attachment links and verified qualifications", R"SQL(
-- X-5: the records each stored file belongs to (a qualification's scan: its vendor; a signed scan: its contract;
-- photos and appeal files: their assessment; evidence: its rectification or energy saving; plans: their project).
-- The uploader and whoever may read one of these records may read the file; nobody else, whatever their town.
CREATE TABLE attachment_links (
  attachment_id BIGINT NOT NULL REFERENCES attachments(id),
  record_kind TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  PRIMARY KEY (attachment_id, record_kind, record_id)
);

-- PRJ-4: a qualification a vendor enters counts for bidding (PRJ-5) only once the office has verified it against its
-- scan; the office's own entries count at once. verified_by / verified_at: who decided (or entered it) and when.
ALTER TABLE qualifications ADD COLUMN verification TEXT NOT NULL DEFAULT 'verified';
ALTER TABLE qualifications ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE qualifications ADD COLUMN verified_at BIGINT;
ALTER TABLE qualifications ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
-- Existing rows: what the office entered stays verified (it vouched for it); a row whose latest entry or change came
-- from a vendor's user waits for the office, whatever it claims.
UPDATE qualifications SET verification = 'pending' WHERE id IN (
  SELECT l.entity_id FROM audit_log l JOIN users u ON u.id = l.actor_id
  WHERE l.entity = 'qualification' AND l.action IN ('create', 'update') AND u.role = 'vendor'
    AND l.seq = (SELECT MAX(m.seq) FROM audit_log m
                 WHERE m.entity = 'qualification' AND m.entity_id = l.entity_id AND m.action IN ('create', 'update')));
)SQL"},
        {10, "attachment links from the records", R"SQL(
-- X-5: links for the files the records already name (SQLite spelling; PostgreSQL below).
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT attachment_id, 'vendor', vendor_id FROM qualifications WHERE attachment_id IS NOT NULL;
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(json_extract(c.signing_json, '$.attachment_id') AS INTEGER), 'contract', c.id FROM contracts c
  WHERE c.signing_json IS NOT NULL
    AND CAST(json_extract(c.signing_json, '$.attachment_id') AS INTEGER) IN (SELECT id FROM attachments);
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(p.value AS INTEGER), 'assessment', a.id
  FROM assessments a, json_each(a.items_json) i, json_each(i.value, '$.photo_ids') p
  WHERE CAST(p.value AS INTEGER) IN (SELECT id FROM attachments);
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(p.value AS INTEGER), 'assessment', ap.assessment_id
  FROM assessment_appeals ap, json_each(ap.attachment_ids) p
  WHERE CAST(p.value AS INTEGER) IN (SELECT id FROM attachments);
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(p.value AS INTEGER), 'rectification', r.id FROM rectifications r, json_each(r.evidence_ids) p
  WHERE CAST(p.value AS INTEGER) IN (SELECT id FROM attachments);
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(p.value AS INTEGER), 'energy_saving', e.id FROM energy_savings e, json_each(e.evidence_ids) p
  WHERE CAST(p.value AS INTEGER) IN (SELECT id FROM attachments);
INSERT OR IGNORE INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT CAST(p.value AS INTEGER), 'project', pr.id FROM projects pr, json_each(pr.plan_ids_json) p
  WHERE CAST(p.value AS INTEGER) IN (SELECT id FROM attachments);
)SQL",
         R"SQL(
-- X-5: links for the files the records already name (PostgreSQL spelling).
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT attachment_id, 'vendor', vendor_id FROM qualifications WHERE attachment_id IS NOT NULL
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT (c.signing_json::json->>'attachment_id')::bigint, 'contract', c.id FROM contracts c
  WHERE c.signing_json IS NOT NULL
    AND (c.signing_json::json->>'attachment_id')::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT p.value::bigint, 'assessment', a.id
  FROM assessments a, json_array_elements(a.items_json::json) i,
       json_array_elements_text(COALESCE(i.value->'photo_ids', '[]'::json)) p
  WHERE p.value::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT p.value::bigint, 'assessment', ap.assessment_id
  FROM assessment_appeals ap, json_array_elements_text(ap.attachment_ids::json) p
  WHERE p.value::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT p.value::bigint, 'rectification', r.id
  FROM rectifications r, json_array_elements_text(r.evidence_ids::json) p
  WHERE p.value::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT p.value::bigint, 'energy_saving', e.id
  FROM energy_savings e, json_array_elements_text(e.evidence_ids::json) p
  WHERE p.value::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
INSERT INTO attachment_links (attachment_id, record_kind, record_id)
  SELECT DISTINCT p.value::bigint, 'project', pr.id
  FROM projects pr, json_array_elements_text(pr.plan_ids_json::json) p
  WHERE p.value::bigint IN (SELECT id FROM attachments)
  ON CONFLICT DO NOTHING;
)SQL"},
        {11, "settings in words", R"SQL(
-- CON-1: a setting may be words (the title of the organisation's rules); numbers keep value, words use text_value.
ALTER TABLE settings ADD COLUMN text_value TEXT;
ALTER TABLE settings_history ADD COLUMN text_value TEXT;
)SQL"},
        {12, "staff: roster, holiday calendar, attendance", R"SQL(
-- STF-1: the roles a person on a roster may have (a list the organisation keeps; the defaults follow D2-D4).
CREATE TABLE staff_roles (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO staff_roles (code, name_zh, name_en, sort_order) VALUES
  ('agent', '话务员', 'Call agent', 1),
  ('duty_manager', '值班经理', 'Duty manager', 2),
  ('supervisor', '项目督导', 'Project supervisor', 3),
  ('qa', '质检员', 'Quality inspector', 4),
  ('cleaner', '保洁员', 'Cleaner', 5),
  ('guard', '保安员', 'Security guard', 6),
  ('technician', '维修技工', 'Maintenance technician', 7),
  ('cook', '厨师', 'Cook', 8),
  ('gardener', '绿化工', 'Gardener', 9),
  ('attendant', '服务员', 'Attendant', 10),
  ('manager', '项目经理', 'Project manager', 11),
  ('other', '其他', 'Other', 12);

-- STF-1: the people who deliver a contract's service. The full ID number is kept for the office and the person's own
-- vendor (shown only on an audited reveal); lists show it masked.
CREATE TABLE staff_people (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_path TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL,
  phone TEXT NOT NULL,
  role TEXT NOT NULL REFERENCES staff_roles(code),
  post TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_people_contract ON staff_people(contract_id, name);
CREATE INDEX staff_people_id_number ON staff_people(contract_id, id_number);

-- STF-6: the State Council's yearly holiday arrangement, kept by an administrator: days off and make-up working days.
CREATE TABLE holiday_calendars (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  updated_by_name TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE holiday_days (
  day TEXT PRIMARY KEY,
  year INTEGER NOT NULL REFERENCES holiday_calendars(year),
  kind TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX holiday_days_year ON holiday_days(year, day);

-- STF-6: attendance, entered by hand or imported (X-4). A person's clock-in is unique, so importing the same file
-- again adds nothing twice. Times are Asia/Shanghai wall-clock "YYYY-MM-DD HH:MM".
CREATE TABLE attendance_imports (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  imported BIGINT NOT NULL,
  created_by BIGINT,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE attendance (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  post TEXT NOT NULL,
  work_date TEXT NOT NULL,
  clock_in TEXT NOT NULL,
  clock_out TEXT,
  import_id BIGINT REFERENCES attendance_imports(id),
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (person_id, clock_in)
);
CREATE INDEX attendance_contract_date ON attendance(contract_id, work_date);
)SQL"},
        {13, "staff: equipment issued per person", R"SQL(
-- STF-5: tools, uniforms, badges, access cards and keys a vendor issues to a person on its roster (D3 §8). Each is
-- settled at departure, returned or lost (with the compensation, in fen, and a note); settling is one-way. Values are
-- integer fen (X-6); dates are Asia/Shanghai calendar days.
CREATE TABLE staff_equipment (
  id {pk},
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_value_fen BIGINT NOT NULL,
  issued_on TEXT NOT NULL,
  status TEXT NOT NULL,
  settled_on TEXT,
  compensation_fen BIGINT NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_equipment_person ON staff_equipment(person_id, id);
CREATE INDEX staff_equipment_contract_status ON staff_equipment(contract_id, status);
)SQL"},
        {14, "staff: replacement requests", R"SQL(
-- STF-4 (D2 staff rule 6): the office's written request that a person on a roster be replaced. The vendor names the
-- replacement (a person on the same contract) and reports back; the office confirms or returns it. deadline_days is
-- the setting in force when it was asked, kept with the request; each step is in workflow_events (subject
-- staff_replacement) with who, when and why.
CREATE TABLE staff_replacements (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  reason TEXT NOT NULL,
  attachment_id BIGINT,
  requested_on TEXT NOT NULL,
  deadline_days INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  replacement_id BIGINT REFERENCES staff_people(id),
  report_note TEXT NOT NULL DEFAULT '',
  reported_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_replacements_contract ON staff_replacements(contract_id, id);
CREATE INDEX staff_replacements_status ON staff_replacements(status, deadline);
)SQL"},
        {15, "staff: documents and social-insurance payments", R"SQL(
-- STF-2 (D3 §9): which documents each role must hold, a setting seeded from D3: the labour contract and the
-- social-insurance proof for everyone, the health certificate for catering and cleaning (cook, attendant, cleaner),
-- whose expiry stops the person counting as present (STF-6), and the education proof for the managers.
CREATE TABLE staff_document_requirements (
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  blocks_when_expired INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (role, kind)
);
INSERT INTO staff_document_requirements (role, kind, blocks_when_expired)
SELECT code, 'labour_contract', 0 FROM staff_roles;
INSERT INTO staff_document_requirements (role, kind, blocks_when_expired)
SELECT code, 'social_insurance_proof', 0 FROM staff_roles;
INSERT INTO staff_document_requirements (role, kind, blocks_when_expired) VALUES
  ('cook', 'health_certificate', 1),
  ('attendant', 'health_certificate', 1),
  ('cleaner', 'health_certificate', 1),
  ('duty_manager', 'education_proof', 0),
  ('supervisor', 'education_proof', 0),
  ('qa', 'education_proof', 0),
  ('manager', 'education_proof', 0);

-- STF-2, X-5: each document is a stored scan (attachment with its checksum), with the day it was issued and the last
-- day it is valid (none: it does not expire). Documents are kept, never edited: a renewed one is a new row, the
-- newest of a kind counts.
CREATE TABLE staff_documents (
  id {pk},
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL,
  attachment_id BIGINT NOT NULL,
  issued_on TEXT NOT NULL,
  expires_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX staff_documents_person ON staff_documents(person_id, kind, issued_on);
CREATE INDEX staff_documents_contract ON staff_documents(contract_id);

-- STF-2 (D3 §3): the vendor's social-insurance payment per person and month (YYYY-MM), in integer fen (X-6), with an
-- optional proof (X-5). One payment per person and month.
CREATE TABLE staff_insurance_payments (
  id {pk},
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  month TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  attachment_id BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (person_id, month)
);
CREATE INDEX staff_insurance_contract ON staff_insurance_payments(contract_id);
)SQL"},
        {16, "staff: training sessions and qualification tests", R"SQL(
-- STF-8 (D2 staff rules 2 and 8): training sessions on a contract: kind (pre_job, managers, agents, new_business),
-- who trains (party_a or vendor, and the trainer's name), topic, date, hours in integer tenths, and for new business
-- the week of on-site guidance as two dates. Trainees are people on the contract's roster.
CREATE TABLE training_sessions (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  kind TEXT NOT NULL,
  topic TEXT NOT NULL,
  trainer_name TEXT NOT NULL,
  trainer_party TEXT NOT NULL,
  trained_on TEXT NOT NULL,
  hours_tenths INTEGER NOT NULL,
  guidance_from TEXT,
  guidance_to TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX training_sessions_contract ON training_sessions(contract_id, trained_on);
CREATE TABLE training_trainees (
  session_id BIGINT NOT NULL REFERENCES training_sessions(id),
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX training_trainees_person ON training_trainees(person_id);
-- STF-3 (D3 §2): a person's qualification test with the pass mark it was judged against (the setting
-- staff.qualification_pass_score at the time) and its result; a failure links the STF-4 replacement request it opened.
CREATE TABLE qualification_tests (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  taken_on TEXT NOT NULL,
  subject TEXT NOT NULL,
  score INTEGER NOT NULL,
  pass_score INTEGER NOT NULL,
  result TEXT NOT NULL,
  replacement_id BIGINT REFERENCES staff_replacements(id),
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX qualification_tests_contract ON qualification_tests(contract_id, taken_on);
CREATE INDEX qualification_tests_person ON qualification_tests(person_id, taken_on);
)SQL"},
        {17, "staff: incidents", R"SQL(
-- STF-7: incidents on a contract: labour disputes (D3 §4), injuries at and outside work (D3 §5), damaged or lost
-- documents and property (D4 §3.7), on-site rule violations (D2) and data leaks with their channel (D2 on-site rule
-- 3, CC-7). The responsible party pays the compensation (integer fen, X-6); closing is one-way, with a note and the
-- date. The people involved are people on the contract's roster; scans are in attachment_links (record_kind
-- staff_incident); each step is in workflow_events (subject staff_incident) with who, when and why.
CREATE TABLE staff_incidents (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  type TEXT NOT NULL,
  leak_channel TEXT,
  occurred_on TEXT NOT NULL,
  description TEXT NOT NULL,
  responsible_party TEXT NOT NULL,
  compensation_fen BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  closing_note TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  closed_at BIGINT,
  closed_by BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_incidents_contract ON staff_incidents(contract_id, occurred_on);
CREATE TABLE staff_incident_people (
  incident_id BIGINT NOT NULL REFERENCES staff_incidents(id),
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  PRIMARY KEY (incident_id, person_id)
);
)SQL"},
        {18, "staff: written requests for extra managers", R"SQL(
-- STF-9 (D2 staff rule 9): the office asks in writing for an extra duty manager or QA; the vendor consents or
-- declines with a reason. A consented request adds `people` on `post` for the listed day types (comma separated:
-- workday, weekend, holiday) from effective_on, the later of the asked date and the day of consent: the contract's
-- staffing requirement changes by a recorded change, its own terms are not edited. Each step is in workflow_events
-- (subject staffing_request) with who, when and why.
CREATE TABLE staffing_requests (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  role TEXT NOT NULL REFERENCES staff_roles(code),
  post TEXT NOT NULL,
  day_types TEXT NOT NULL,
  people INTEGER NOT NULL,
  hours INTEGER NOT NULL,
  effective_from TEXT NOT NULL,
  reason TEXT NOT NULL,
  attachment_id BIGINT,
  requested_on TEXT NOT NULL,
  status TEXT NOT NULL,
  effective_on TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staffing_requests_contract ON staffing_requests(contract_id, status);
)SQL"},
        {19, "staff: each judged month's shortfall", R"SQL(
-- STF-6, X-2: the result of each month of a contract that staffing compliance has judged (a month that is over and has
-- attendance), rewritten whenever the rules judge it again (an import, the daily job). The dashboard reads shortfalls
-- from here instead of judging every contract's month on every visit.
CREATE TABLE staffing_month_results (
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  month TEXT NOT NULL,
  short_days INTEGER NOT NULL,
  missing_person_days INTEGER NOT NULL,
  computed_at BIGINT NOT NULL,
  PRIMARY KEY (contract_id, month)
);
CREATE INDEX staffing_month_results_month ON staffing_month_results(month);
)SQL"},
        {21, "callcentre: agent IDs by written request", R"SQL(
-- CC-1 (D2 call centre): the permissions an agent ID may carry are a setting, seeded with the usual ones.
CREATE TABLE agent_permissions (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO agent_permissions (code, name_zh, name_en, sort_order) VALUES
  ('outbound', '外呼', 'Outbound calls', 1),
  ('follow_up', '回访', 'Follow-up visits', 2),
  ('qa_listen', '质检', 'QA listening', 3),
  ('monitor', '监听', 'Monitoring', 4),
  ('export', '导出', 'Export', 5);
-- CC-1: the office's written request that an agent ID be opened, changed (its permissions) or closed for a person on
-- the contract's roster; the vendor carries it out (stating the ID when opening, and the day it takes effect) or
-- declines with a reason. Each step is in workflow_events (subject agent_id_request) with who, when and why.
CREATE TABLE agent_id_requests (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  agent_id TEXT NOT NULL DEFAULT '',
  permissions TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  attachment_id BIGINT,
  requested_on TEXT NOT NULL,
  status TEXT NOT NULL,
  effective_on TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX agent_id_requests_contract ON agent_id_requests(contract_id, status);
CREATE INDEX agent_id_requests_person ON agent_id_requests(person_id, status);
-- CC-1: the history of every agent ID. A row holds from valid_from up to, not including, valid_to (NULL: still
-- valid); a change closes the row and opens a new one from the same day, history is never edited. One ID string is
-- never valid twice on one day among a vendor's IDs (checked by the service, rules/agent_ids.h).
CREATE TABLE agent_id_assignments (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  agent_id TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  permissions TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  request_id BIGINT REFERENCES agent_id_requests(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX agent_id_assignments_vendor ON agent_id_assignments(vendor_org_id, agent_id, valid_from);
CREATE INDEX agent_id_assignments_contract ON agent_id_assignments(contract_id, valid_from);
)SQL"},
        {22, "callcentre: outbound numbers by written request, extra rewards", R"SQL(
-- CC-2 (D2 call centre): the organisation's written request that an outbound number (外呼号码) be added to the
-- contract's register, changed (to another number or another label) or withdrawn; the vendor prepares the data and
-- reports back (carries it out from a day, saying what it prepared) or declines with a reason. Each step is in
-- workflow_events (subject number_request) with who, when and why.
CREATE TABLE number_requests (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  number TEXT NOT NULL,
  new_number TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  attachment_id BIGINT,
  requested_on TEXT NOT NULL,
  status TEXT NOT NULL,
  effective_on TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX number_requests_contract ON number_requests(contract_id, status);
-- CC-2: the register's history. A row holds from valid_from up to, not including, valid_to (NULL: still
-- registered); a change closes the row and opens another from the same day, history is never edited. One number is
-- never registered twice on one day for a contract (checked by the service, rules/numbers.h). The call import
-- flags calls from a number not registered on the call's day.
CREATE TABLE outbound_numbers (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  number TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  request_id BIGINT REFERENCES number_requests(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX outbound_numbers_contract ON outbound_numbers(contract_id, number, valid_from);
-- CC-5: an extra reward the organisation pays a named person on the contract's roster (one row per person), handed
-- out by the organisation or by the vendor. Never edited: a mistaken reward is withdrawn with a reason, kept, and
-- left out of every total. month is awarded_on's YYYY-MM (the list's filter). batch_id groups the rows recorded
-- together for several people (the first row's id).
CREATE TABLE cc_rewards (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  amount_fen BIGINT NOT NULL,
  handed_out_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  awarded_on TEXT NOT NULL,
  month TEXT NOT NULL,
  batch_id BIGINT,
  status TEXT NOT NULL,
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  withdrawn_at BIGINT,
  withdrawn_by BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX cc_rewards_contract ON cc_rewards(contract_id, month, person_id);
)SQL"},
        {23, "callcentre: agent scoring methods and penalty suggestions", R"SQL(
-- CC-3 (D2 staff 4): the scoring method of a call-centre contract's monthly agent assessment. The vendor drafts a
-- version (the weights, targets, caps, deductions, pro-rating and penalty points, as the JSON of
-- features/callcentre/method_codec, in hundredths of a point), may edit it while it is a draft or returned, and
-- submits it; the office approves it or returns it with a reason. An approved version gets the next number of its
-- contract (1, 2, ...) and never changes again; the month's assessment uses the approved version in force
-- (the latest effective_from <= the month). Each step is in workflow_events (subject cc_scoring_method).
CREATE TABLE cc_scoring_methods (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER,
  effective_from TEXT NOT NULL,
  method_json TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  return_reason TEXT NOT NULL DEFAULT '',
  drafted_by BIGINT,
  submitted_at BIGINT,
  approved_by BIGINT,
  approved_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX cc_scoring_methods_version ON cc_scoring_methods(contract_id, version);
CREATE INDEX cc_scoring_methods_contract ON cc_scoring_methods(contract_id, status);
-- CC-4: the office's penalty suggestion for a named agent (a person on the contract's roster) and a month, with
-- written evidence (a recording reference and/or a supervision note, and optionally a file). It is refused when
-- submitted at or after 00:00 Asia/Shanghai on the 2nd of the following month (rules/penalty_deadline.h), so every
-- stored suggestion was in time when submitted. The vendor verifies and accepts it or rejects it with a reason;
-- accepted ones deduct the method's points per suggestion. Each step is in workflow_events (subject
-- cc_penalty_suggestion).
CREATE TABLE cc_penalty_suggestions (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  month TEXT NOT NULL,
  recording_ref TEXT NOT NULL DEFAULT '',
  supervision_note TEXT NOT NULL DEFAULT '',
  attachment_id BIGINT,
  submitted_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  decision_note TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  decided_by BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cc_penalty_suggestions_month ON cc_penalty_suggestions(contract_id, month, status);
CREATE INDEX cc_penalty_suggestions_person ON cc_penalty_suggestions(person_id, month);
)SQL"},
        {24, "callcentre: call-record imports, call keys, per-agent day totals, saved column mappings", R"SQL(
-- CC-8: one row per uploaded call-record file. The worker reads the spooled file and writes its calls in ONE
-- transaction, so an import is done (everything) or failed/cancelled (nothing). status: queued, running, done, failed,
-- cancelled; progress is bytes_read of bytes_total (CSV) or rows_read; report_json holds what the import found
-- (rows, calls added, duplicates, legs merged, per-agent totals, errors by row and column, unregistered numbers).
CREATE TABLE call_imports (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  vendor_org_id BIGINT NOT NULL,
  filename TEXT NOT NULL,
  layout TEXT NOT NULL,
  mapping_id BIGINT,
  encoding TEXT NOT NULL DEFAULT 'auto',
  status TEXT NOT NULL,
  bytes_total BIGINT NOT NULL,
  bytes_read BIGINT NOT NULL DEFAULT 0,
  rows_read BIGINT NOT NULL DEFAULT 0,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  report_json TEXT NOT NULL DEFAULT '',
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
CREATE INDEX call_imports_contract ON call_imports(contract_id, id);
-- CC-8 dedup: the 64-bit fingerprint of every key a counted call brought (its call id or stated key, its linked id,
-- its B-leg id), filed under the Shanghai day of the call's start (days since 1970-01-01), so a re-imported file or
-- an overlapping row adds nothing twice and the legs of one call count once across files. Keys of one day sit
-- together (WITHOUT ROWID on SQLite), so a month's import touches its own days' pages only.
CREATE TABLE call_keys (
  contract_id BIGINT NOT NULL,
  day INTEGER NOT NULL,
  key_hash BIGINT NOT NULL,
  import_id BIGINT NOT NULL,
  PRIMARY KEY (contract_id, day, key_hash)
){without_rowid};
-- CC-8 -> CC-3: each agent ID's calls per Shanghai day, maintained in the import's transaction; the monthly scoring
-- reads it (features/callcentre/call_store.h LoadAgentDays). successful counts successful visits (result 成功访问).
CREATE TABLE call_agent_days (
  contract_id BIGINT NOT NULL,
  agent_id TEXT NOT NULL,
  day TEXT NOT NULL,
  calls BIGINT NOT NULL,
  answered BIGINT NOT NULL DEFAULT 0,
  successful BIGINT NOT NULL,
  talk_seconds BIGINT NOT NULL,
  PRIMARY KEY (contract_id, agent_id, day)
);
CREATE INDEX call_agent_days_day ON call_agent_days(contract_id, day);
-- CC-8: the column mappings the office saves per vendor for files of its own layout.
CREATE TABLE call_mappings (
  id {pk},
  vendor_org_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX call_mappings_vendor ON call_mappings(vendor_org_id, id);
)SQL"},
        {25, "callcentre: monthly agent scores", R"SQL(
-- CC-3 (D2 staff 4): a computed month of a call-centre contract's agent assessment: the method version it used (and
-- that version's values as JSON), how many agents it ranked, who computed it and when. Recomputing a month replaces
-- its row and its agent_scores rows in one transaction, with an audit entry.
CREATE TABLE cc_score_months (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  month TEXT NOT NULL,
  method_version INTEGER NOT NULL,
  method_json TEXT NOT NULL,
  agent_count INTEGER NOT NULL,
  computed_by BIGINT,
  computed_at BIGINT NOT NULL,
  UNIQUE (contract_id, month)
);
-- CC-3: one agent's score of the month: the total and the rank (hundredths of a point; equal totals share a rank),
-- and as JSON the facts used, each dimension's points with its explanation in zh-CN and English, the penalty
-- suggestions and the method values used (rules/agent_score.h). CC-6 reads the stored ranks for top-3 streaks.
CREATE TABLE cc_agent_scores (
  id {pk},
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  month TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES staff_people(id),
  person_name TEXT NOT NULL,
  place INTEGER NOT NULL,
  tied INTEGER NOT NULL DEFAULT 0,
  total BIGINT NOT NULL,
  method_version INTEGER NOT NULL,
  detail_json TEXT NOT NULL,
  UNIQUE (contract_id, month, person_id)
);
CREATE INDEX cc_agent_scores_person ON cc_agent_scores(person_id, month);
)SQL"},
        {26, "incidents: a data leak traced to an export", R"SQL(
-- CC-7: a data leak (STF-7 incident) may name the export it is traced to: the audit entry (action export) that
-- recorded who exported what, with which filters and how many rows.
ALTER TABLE staff_incidents ADD COLUMN export_seq BIGINT;
)SQL"},
        {27, "county scale: indexes for the lists, the dashboard and the per-contract reads", R"SQL(
-- Issue 15 (docs/performance.md): measured on a county's five years (1,500 contracts, 88,500 assessments).
-- The assessment list's newest page, walked in date order (the scope's path read from the index, no row read).
CREATE INDEX assessments_walk ON assessments(assessed_on, id, owner_path);
-- The dashboard's scores by period and its missing-assessment reminders, from the index alone.
CREATE INDEX assessments_periods ON assessments(kind, period, owner_path, contract_id, total_tenths);
-- A contract's surveys and rectifications (the daily rules job, the quality report, the renewal basis).
CREATE INDEX surveys_contract ON surveys(contract_id, period);
CREATE INDEX rectifications_contract ON rectifications(contract_id, status);
-- The dashboard's satisfaction by period: the closed surveys of the latest periods and their answers' ratings,
-- from the indexes alone.
CREATE INDEX surveys_closed ON surveys(status, period, owner_path, basic_counts_satisfied);
CREATE INDEX survey_answers_rating ON survey_answers(survey_id, rating);
)SQL"},
        {28, "county scale: a vendor's surveys, meetings and projects by index", R"SQL(
-- Issue 15, found by the query-plan test (server/src/app/query_plan_test.cpp): a vendor's survey, meeting and
-- project lists read their whole tables.
CREATE INDEX surveys_vendor ON surveys(vendor_org_id);
-- SUP-1: the vendors a meeting lists, one row each (meetings.vendor_ids keeps the list as written), so a vendor's
-- meetings are an index range instead of a LIKE over every meeting's list.
CREATE TABLE meeting_vendors (
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  PRIMARY KEY (vendor_id, meeting_id)
){without_rowid};
INSERT INTO meeting_vendors (vendor_id, meeting_id)
  SELECT DISTINCT CAST(j.value AS BIGINT), m.id FROM meetings m, json_each(m.vendor_ids) j;
-- PRJ-4: the biddings open to a vendor, and the projects it registered for.
CREATE INDEX projects_status ON projects(status);
CREATE INDEX project_registrations_vendor ON project_registrations(vendor_org_id, project_id);
)SQL",
         R"SQL(
CREATE INDEX surveys_vendor ON surveys(vendor_org_id);
CREATE TABLE meeting_vendors (
  vendor_id BIGINT NOT NULL REFERENCES vendors(id),
  meeting_id BIGINT NOT NULL REFERENCES meetings(id),
  PRIMARY KEY (vendor_id, meeting_id)
);
INSERT INTO meeting_vendors (vendor_id, meeting_id)
  SELECT DISTINCT CAST(j.value AS BIGINT), m.id FROM meetings m, json_array_elements_text(m.vendor_ids::json) j;
CREATE INDEX projects_status ON projects(status);
CREATE INDEX project_registrations_vendor ON project_registrations(vendor_org_id, project_id);
)SQL"},
        {29, "county scale: the contract list in code order", R"SQL(
-- Issue 15: the contract list's default order, walked with the scope read from the index (ListContracts).
CREATE INDEX contracts_code ON contracts(code, id, owner_path);
)SQL"},
        {30, "call centre: uploads in parts", R"SQL(
-- CC-8: a large call-record file sent from the browser in parts (CallUploadService). The parts go to a file in the
-- spool folder; this row says how far it has come, so any instance sharing the folder takes the next part and a
-- dropped connection resumes where it stopped. Finishing removes the row and queues the file as an import.
CREATE TABLE call_uploads (
  token TEXT PRIMARY KEY,
  contract_id BIGINT NOT NULL REFERENCES contracts(id),
  request_json TEXT NOT NULL,
  bytes_total BIGINT NOT NULL,
  bytes_received BIGINT NOT NULL DEFAULT 0,
  spool_name TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  touched_at BIGINT NOT NULL
);
CREATE INDEX call_uploads_touched ON call_uploads(touched_at);
)SQL"},
        {31, "county scale: the dashboard's totals kept as they are written", R"SQL(
-- X-3: the dashboard's charts read these totals instead of summing a county's 88,500 assessments and 15,000 survey
-- answers on every request (35 ms of the administrator's dashboard), and an unfiltered assessment list counts its
-- scope from them instead of counting rows (which PostgreSQL does one by one). Each is written in the transaction
-- that writes what it sums, by the store function every write goes through (InsertAssessment and UpdateAssessment
-- add an assessment and its score, UpdateSurveyStatus adds a closed survey's answers), so it is never behind the rows
-- it sums; ScaleSeedTest compares them with the sums of the rows. Keyed by period first: the charts walk the latest
-- periods and stop; by owner for a scope's count. A vendor's figures still come from its own rows (a few contracts),
-- so the totals carry no vendor.
CREATE TABLE assessment_totals (
  period TEXT NOT NULL,
  owner_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  total_tenths BIGINT NOT NULL,
  assessments BIGINT NOT NULL,
  PRIMARY KEY (period, owner_path, kind)
){without_rowid};
CREATE INDEX assessment_totals_owner ON assessment_totals(owner_path, assessments);
INSERT INTO assessment_totals (period, owner_path, kind, total_tenths, assessments)
  SELECT period, owner_path, kind, SUM(total_tenths), COUNT(*) FROM assessments GROUP BY period, owner_path, kind;
-- A closed survey's answers never change (answering closes with the survey), so they are added once, when it closes.
CREATE TABLE closed_survey_ratings (
  period TEXT NOT NULL,
  owner_path TEXT NOT NULL,
  basic_counts_satisfied INTEGER NOT NULL,
  rating TEXT NOT NULL,
  answers BIGINT NOT NULL,
  PRIMARY KEY (period, owner_path, basic_counts_satisfied, rating)
){without_rowid};
CREATE INDEX closed_survey_ratings_owner ON closed_survey_ratings(owner_path, period);
INSERT INTO closed_survey_ratings (period, owner_path, basic_counts_satisfied, rating, answers)
  SELECT s.period, s.owner_path, s.basic_counts_satisfied, r.rating, COUNT(*) FROM surveys s
  JOIN survey_answers r ON r.survey_id = s.id WHERE s.status = 'closed'
  GROUP BY s.period, s.owner_path, s.basic_counts_satisfied, r.rating;
)SQL"},
        {32, "county scale: a subject's latest submission by index", R"SQL(
-- The contract list shows each row's latest submission and its decisions (ListLatestReviewEventsOf): the latest
-- submitted version is the last entry of this index for (subject, 'submit'), one seek, where the subject index made
-- it a walk of every step for every step the list read (41% of the contract list's CPU on a county page).
CREATE INDEX workflow_events_action ON workflow_events(subject_type, subject_id, action, version_no);
)SQL"},
    };
    return kMigrations;
}

std::string Render(const char* sql, Engine engine) {
    std::string text(sql);
    const std::string token = "{pk}";
    const std::string replacement =
        engine == Engine::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
    for (auto position = text.find(token); position != std::string::npos; position = text.find(token, position)) {
        text.replace(position, token.size(), replacement);
    }
    // SQLite keeps a rowid (insertion order) unless told otherwise; PostgreSQL has no such clause.
    const std::string without_rowid = "{without_rowid}";
    const std::string clause = engine == Engine::kSqlite ? " WITHOUT ROWID" : "";
    for (auto position = text.find(without_rowid); position != std::string::npos;
         position = text.find(without_rowid, position)) {
        text.replace(position, without_rowid.size(), clause);
    }
    return text;
}

}  // namespace

int LatestSchemaVersion() { return AllMigrations().back().version; }

int Migrate(Connection& connection) {
    connection.ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at BIGINT NOT NULL)");
    int applied = 0;
    for (const auto& migration : AllMigrations()) {
        Transaction transaction(connection);
        if (connection.engine() == Engine::kPostgres) {
            connection.Query("SELECT pg_advisory_xact_lock(4834701)", {});
        }
        const auto done =
            connection.QueryOne("SELECT 1 FROM schema_migrations WHERE version = ?", {std::int64_t{migration.version}});
        if (done) continue;
        spdlog::info("applying migration {} ({})", migration.version, migration.name);
        const char* sql = connection.engine() == Engine::kPostgres && migration.postgres_sql != nullptr
                              ? migration.postgres_sql
                              : migration.sql;
        connection.ExecuteScript(Render(sql, connection.engine()));
        const auto now_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        connection.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                           {std::int64_t{migration.version}, std::string(migration.name), std::int64_t{now_ms}});
        transaction.Commit();
        ++applied;
    }
    return applied;
}

}  // namespace houqin::storage
