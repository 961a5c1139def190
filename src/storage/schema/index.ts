import type { OrganizationTable } from './organizations';
import type { ChangeTable } from './changes';
import type { MilestoneTable } from './milestones';
import type { DecisionTable, FollowUpTable, PartyVoteTable } from './decisions';
import type { AnchorTable, GoalTable, GoalVersionTable, MeasurementTable } from './goals';
import type { ContributionTable, MeasureTable } from './measures';
import type { CitizenGroupTable, ImpactTable } from './groups';
import type { ConflictTable, ExpectationLinkTable, ExpectationTable, StatementTable } from './expectations';
import type { ApiTokenTable, LoginThrottleTable, MembershipTable, SessionTable, UserTable } from './accounts';
import type { AuditEventTable, AuditHeadTable } from './audit';
import type { InstallationSettingTable } from './installation';
import type { ChangePublicationTable } from './publication';
import type { NotificationDeliveryTable, NotificationOutboxTable, NotificationSettingsTable, SubscriberTable, SubscriptionTable } from './notifications';
import type { PollCountTable, PollResponseTable, PollTokenUsedTable, PollTotalTable, ReactionReportTable, ReactionTable, VoiceSaltTable, VoiceSettingsTable, VoiceThrottleTable } from './citizen-voice';

/** Every table Helder stores, keyed by table name: the type Kysely checks queries against. */
export interface Database {
  organizations: OrganizationTable;
  changes: ChangeTable;
  milestones: MilestoneTable;
  decisions: DecisionTable;
  party_votes: PartyVoteTable;
  follow_ups: FollowUpTable;
  goals: GoalTable;
  goal_versions: GoalVersionTable;
  anchors: AnchorTable;
  measurements: MeasurementTable;
  measures: MeasureTable;
  contributions: ContributionTable;
  citizen_groups: CitizenGroupTable;
  impacts: ImpactTable;
  statements: StatementTable;
  expectations: ExpectationTable;
  expectation_links: ExpectationLinkTable;
  conflicts: ConflictTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  api_tokens: ApiTokenTable;
  poll_responses: PollResponseTable;
  poll_counts: PollCountTable;
  poll_totals: PollTotalTable;
  poll_tokens_used: PollTokenUsedTable;
  reactions: ReactionTable;
  reaction_reports: ReactionReportTable;
  voice_settings: VoiceSettingsTable;
  voice_throttle: VoiceThrottleTable;
  voice_salts: VoiceSaltTable;
  audit_events: AuditEventTable;
  audit_heads: AuditHeadTable;
  installation_settings: InstallationSettingTable;
  change_publications: ChangePublicationTable;
  notification_outbox: NotificationOutboxTable;
  subscribers: SubscriberTable;
  subscriptions: SubscriptionTable;
  notification_deliveries: NotificationDeliveryTable;
  notification_settings: NotificationSettingsTable;
}

export type {
  OrganizationTable,
  ChangeTable,
  MilestoneTable,
  DecisionTable,
  PartyVoteTable,
  FollowUpTable,
  GoalTable,
  GoalVersionTable,
  AnchorTable,
  MeasurementTable,
  MeasureTable,
  ContributionTable,
  CitizenGroupTable,
  ImpactTable,
  StatementTable,
  ExpectationTable,
  ExpectationLinkTable,
  ConflictTable,
  UserTable,
  MembershipTable,
  SessionTable,
  LoginThrottleTable,
  ApiTokenTable,
  PollResponseTable,
  PollCountTable,
  PollTotalTable,
  PollTokenUsedTable,
  ReactionTable,
  ReactionReportTable,
  VoiceSettingsTable,
  VoiceThrottleTable,
  VoiceSaltTable,
  AuditEventTable,
  AuditHeadTable,
  InstallationSettingTable,
  ChangePublicationTable,
};
