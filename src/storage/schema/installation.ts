/** A setting of the whole installation, written once and read by every app server. */
export interface InstallationSettingTable {
  key: string;
  value: string;
  created_at: string;
}
