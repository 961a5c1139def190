import { randomUUID } from 'node:crypto';

/**
 * Ids are UUID strings, branded per entity so that a goal id cannot be passed where a change id
 * is expected. Modules refer to each other by id, never by object (ARCHITECTURE.md).
 */
export type Id<Brand extends string> = string & { readonly __brand: Brand };

export const newId = <Brand extends string>(): Id<Brand> => randomUUID() as Id<Brand>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` has the shape of an id; lets the edge answer 404 instead of querying. */
export const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
