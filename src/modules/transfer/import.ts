import { createHash } from 'node:crypto';
import { AppError, canonicalJson, type Actor, type FieldIssue } from '../../core';
import { inTransaction, recordAudit, type Db, type Deps } from '../../storage';
import { findOrganization } from '../organizations';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, organizationDocumentSchema, type OrganizationDocument } from './document.schema';
import { countsOf, insertDocument, type TransferCounts } from './insert';
import { checkInvariants } from './invariants';
import { pathOf, IssueList } from './paths';
import { checkReferences, indexDocument } from './references';

export interface ImportResult {
  organizationId: string;
  counts: TransferCounts;
}

const invalid = (issues: FieldIssue[]): AppError => {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError('validation_failed', `${first ? `${first.path || 'document'}: ${first.message}` : 'invalid document'}${more}`, { issues });
};

/**
 * Checks the envelope first: a file that is not an organization document (or is a version this
 * installation does not read) gets one clear issue instead of an issue for every field.
 */
const parseDocument = (input: unknown): OrganizationDocument => {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalid([{ path: '', message: 'the document must be a JSON object' }]);
  }
  const { format, version } = input as Record<string, unknown>;
  if (format !== DOCUMENT_FORMAT) throw invalid([{ path: 'format', message: `must be "${DOCUMENT_FORMAT}"` }]);
  if (version !== DOCUMENT_VERSION) throw invalid([{ path: 'version', message: `this installation reads version ${DOCUMENT_VERSION}` }]);
  const result = organizationDocumentSchema.safeParse(input);
  if (!result.success) throw invalid(result.error.issues.map((issue) => ({ path: pathOf('', ...issue.path), message: issue.message })));
  return result.data;
};

const assertOrganizationIsNew = async (db: Db, organization: OrganizationDocument['organization']): Promise<void> => {
  if (await findOrganization({ db }, organization.slug)) {
    throw new AppError('conflict', `an organization with slug ${organization.slug} already exists`, {
      issues: [{ path: 'organization.slug', message: 'already in use in this installation' }],
    });
  }
  if (await findOrganization({ db }, organization.id)) {
    throw new AppError('conflict', `organization ${organization.id} already exists (under another slug)`, {
      issues: [{ path: 'organization.id', message: 'already exists in this installation' }],
    });
  }
};

/**
 * Imports a whole organization: all or nothing. The document is checked completely before the
 * first write (structure, references, domain rules), then written in one transaction with one
 * audit entry that starts the organization's chain on this installation and records the sha256 of
 * the canonical document, so an auditor can tie the chain to the file it came from.
 */
export const importOrganization = async (deps: Deps, actor: Actor, document: unknown): Promise<ImportResult> => {
  const doc = parseDocument(document);
  const issues = new IssueList();
  checkReferences(doc, indexDocument(doc), issues);
  checkInvariants(doc, issues);
  if (!issues.empty) throw invalid(issues.issues);
  const counts = countsOf(doc);
  // The document as given, not as parsed: an older version-1 document without the expectation
  // register gets empty lists on parsing, and the hash must still match the file it came from.
  const sha256 = createHash('sha256').update(canonicalJson(document)).digest('hex');
  return inTransaction(deps.db, async (tx) => {
    await assertOrganizationIsNew(tx, doc.organization);
    await insertDocument(tx, doc);
    await recordAudit(tx, deps, actor, {
      organizationId: doc.organization.id,
      action: 'organization.imported',
      entityType: 'organization',
      entityId: doc.organization.id,
      data: { format: doc.format, version: doc.version, exportedAt: doc.exportedAt, sha256, counts },
    });
    return { organizationId: doc.organization.id, counts };
  });
};
