/**
 * Every operation and object name the server writes to the audit trail, the same lists as
 * server/src/platform/audit/audit_names.h (names.test.ts checks that they match and that each has a label in zh-CN
 * and English, X-6). The filters offer all of them.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'export',
  'login',
  'login_failed',
  'lockout',
  'logout',
  'password_change',
  'password_change_failed',
  'verify',
  'reject',
  'accept',
  'approve',
  'return',
  'submit',
  'sign',
  'take_effect',
  'amend',
  'terminate',
  'renew',
  'consultation',
  'payment',
  'ledger_deduction',
  'ledger_reward',
  'propose',
  'withdraw',
  'appeal',
  'appeal_upheld',
  'appeal_changed',
  'answer',
  'close',
  'opinion',
  'minutes',
  'cancel',
  'report',
  'record_government',
  'set_ceiling',
  'open_bidding',
  'register',
  'bid',
  'witness_consent',
  'open_failed',
  'open',
  'award',
  'reveal_id',
  'import',
  'consent',
  'decline',
  'carry_out',
] as const;

/** In the order the object filter offers them: the supervision records first. */
export const AUDIT_ENTITIES = [
  'contract',
  'project',
  'proposal',
  'assessment',
  'rectification',
  'survey',
  'meeting',
  'communication',
  'energy_saving',
  'vendor',
  'qualification',
  'attachment',
  'category',
  'procurement_rules',
  'staff_person',
  'attendance',
  'holiday_calendar',
  'staff_equipment',
  'staff_incident',
  'staff_replacement',
  'training_session',
  'qualification_test',
  'staffing_request',
  'staff_role',
  'agent_id_request',
  'number_request',
  'cc_reward',
  'cc_scoring_method',
  'cc_penalty_suggestion',
  'staff_document',
  'staff_insurance',
  'user',
  'org',
  'setting',
  'report',
  'call_import',
  'call_mapping',
  'cc_score_month',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Amounts in yuan (decimal strings): shown with thousands separators and 元. */
export const MONEY_KEYS = new Set([
  'amount',
  'approved_amount',
  'total_amount',
  'annual_budget',
  'total_budget',
  'ceiling',
  'winner_quote',
  'registered_capital',
  'saving',
  'threshold',
  'unit_value',
  'total_value',
  'compensation',
]);

/**
 * Values that are codes with a fixed set of meanings: `<entity>.<key>` or `common.<key>` under audit.enum in the
 * locale files. A value with no label is shown as it is (the no-codes browser test then flags it).
 */
export const ENUM_KEYS = new Set([
  'status',
  'review_state',
  'kind',
  'route',
  'method',
  'outcome',
  'basis',
  'result',
  'effect',
  'role',
  'channel',
  'rating',
  'verification',
  'purpose',
  'grade',
  'day_types',
  // CC-5: who hands an extra reward out, who pays it
  'handed_out_by',
  'paid_by',
  // a setting's name (auth.lockout_minutes) in a setting entry
  'key',
  // CC-7: what an export handed out, and in which file format
  'what',
  'format',
]);

/** Fingerprints and digests: kept for verification, shown shortened (the full value is in the tooltip). */
export const DIGEST_KEYS = new Set(['sha256', 'receipt', 'hash', 'prev_hash', 'dedupe_key', 'fingerprint', 'commitment']);

/** An id naming another record: shown as the record's kind and number, linked where the record has a page. */
export const ID_KEYS: Record<string, { entity: AuditEntity; route?: string }> = {
  contract_id: { entity: 'contract', route: 'contract-detail' },
  project_id: { entity: 'project', route: 'project-detail' },
  proposal_id: { entity: 'proposal', route: 'proposal-detail' },
  assessment_id: { entity: 'assessment', route: 'assessment-detail' },
  vendor_id: { entity: 'vendor', route: 'vendor-detail' },
  winner_vendor_id: { entity: 'vendor', route: 'vendor-detail' },
  meeting_id: { entity: 'meeting', route: 'meeting-detail' },
  predecessor_id: { entity: 'contract', route: 'contract-detail' },
  successor_id: { entity: 'contract', route: 'contract-detail' },
  category_id: { entity: 'category' },
  department_id: { entity: 'org' },
  org_id: { entity: 'org' },
  attachment_id: { entity: 'attachment' },
  witness_id: { entity: 'user' },
  person_id: { entity: 'staff_person' },
  replacement_id: { entity: 'staff_person' },
  batch_id: { entity: 'cc_reward' },
};

/** Lists of ids: shown as "附件 #3、#5". */
export const ID_LIST_KEYS: Record<string, AuditEntity> = {
  vendor_ids: 'vendor',
  category_ids: 'category',
  attendee_org_ids: 'org',
  evidence_ids: 'attachment',
  attachment_ids: 'attachment',
  plan_attachment_ids: 'attachment',
};
