/**
 * Exporteren / Exports of one organization (issue 5): the JSON document of the transfer module
 * (round-trips), a CSV of goals and measurements for Dutch Excel, and IATI 2.03 results XML
 * (docs/imports-exports.md). Every format is built from one consistent read of the organization.
 * Also what the organization publishes about its audit log: the latest checkpoint of the chain.
 */
import type { Deps } from '../../storage';
import { exportOrganization } from '../transfer';
import { measurementsCsv } from './csv';
import { iatiXml } from './iati';

export { measurementsCsv, dutchNumber, CSV_HEADER } from './csv';
export { iatiXml, iatiOrganizationRef } from './iati';
/** The published checkpoint of an organization's audit chain (latest seq, hash, time). Throws `not_found`. */
export { latestCheckpoint } from './checkpoint';
export type { Checkpoint } from './checkpoint';

export const EXPORT_FORMATS = ['json', 'csv', 'iati'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  contentType: string;
  /** A file name for `Content-Disposition` and the CLI: `{slug}.json`, `{slug}-metingen.csv`, `{slug}-iati.xml`. */
  filename: string;
  body: string;
}

/**
 * One organization in one format. JSON is the transfer document (pretty, 2 spaces, trailing
 * newline, as `helder export` writes it). Throws `not_found` (organization).
 */
export const exportOrganizationAs = async (deps: Deps, organizationIdOrSlug: string, format: ExportFormat): Promise<ExportFile> => {
  const doc = await exportOrganization(deps, organizationIdOrSlug);
  const slug = doc.organization.slug;
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', filename: `${slug}-metingen.csv`, body: measurementsCsv(doc) };
  if (format === 'iati') return { contentType: 'application/xml; charset=utf-8', filename: `${slug}-iati.xml`, body: iatiXml(doc, doc.exportedAt) };
  return { contentType: 'application/json; charset=utf-8', filename: `${slug}.json`, body: `${JSON.stringify(doc, null, 2)}\n` };
};
