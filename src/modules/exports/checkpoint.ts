import { chainHead, type Deps } from '../../storage';
import { getOrganization } from '../organizations';

/** The head of an organization's audit chain, as published: anyone can note it and check it later. */
export interface Checkpoint {
  organizationId: string;
  organizationSlug: string;
  /** The sequence number of the newest event (0 before the first write). */
  seq: number;
  /** Its chain hash (sha256, hex); 64 zeros before the first write. */
  hash: string;
  /** When that event was written (ISO 8601), null before the first write. */
  at: string | null;
  /** What to run to check it later: `helder audit verify --organization … --checkpoint HASH@SEQ`. */
  verify: string;
}

/**
 * The latest checkpoint of an organization's audit chain (issue 5, "Trust"): published on the
 * portal and in the API so that deleting history and recomputing the chain is caught — a copy of
 * this hash kept elsewhere no longer matches (`verifyCheckpoint`). Includes citizen events (poll
 * answers, reactions), which are in the chain too. Two indexed reads. Throws `not_found`.
 */
export const latestCheckpoint = async (deps: Pick<Deps, 'db'>, organizationIdOrSlug: string): Promise<Checkpoint> => {
  const organization = await getOrganization(deps, organizationIdOrSlug);
  const { seq, hash, at } = await chainHead(deps.db, organization.id);
  return {
    organizationId: organization.id,
    organizationSlug: organization.slug,
    seq,
    hash,
    at,
    verify: `helder audit verify --organization ${organization.slug} --checkpoint ${hash}@${seq}`,
  };
};
