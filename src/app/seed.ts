import type { Deps } from '../storage';
import { listOrganizations } from '../modules/organizations';

export const countOrganizations = async (deps: Pick<Deps, 'db'>): Promise<number> => (await listOrganizations(deps)).length;
