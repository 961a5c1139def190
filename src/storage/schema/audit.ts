/** One entry of an organization's hash-chained audit log. Append-only. */
export interface AuditEventTable {
  id: string;
  organization_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/** The newest link of each chain; its row lock serializes appends on PostgreSQL. */
export interface AuditHeadTable {
  organization_id: string;
  seq: number;
  hash: string;
  /** Sequence of the newest event that changed the register (public events excluded). */
  register_seq: number;
}
