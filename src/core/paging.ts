import { invalid } from './errors';

/** A page request: 1-based page number and a bounded page size. */
export interface PageRequest {
  page: number;
  size: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Parses loose input (query strings) into a page request, rejecting nonsense with a clear code. */
export const pageRequest = (page: unknown = 1, size: unknown = DEFAULT_PAGE_SIZE): PageRequest => {
  const p = Number(page);
  const s = Number(size);
  if (!Number.isInteger(p) || p < 1) throw invalid('page', 'page must be a whole number of at least 1');
  if (!Number.isInteger(s) || s < 1 || s > MAX_PAGE_SIZE) {
    throw invalid('size', `size must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return { page: p, size: s };
};

export const toPage = <T>(items: T[], request: PageRequest, total: number): Page<T> => ({
  items,
  page: request.page,
  size: request.size,
  total,
  pages: Math.max(1, Math.ceil(total / request.size)),
});

export const offsetOf = (request: PageRequest): number => (request.page - 1) * request.size;
