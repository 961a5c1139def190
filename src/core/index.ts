/** Shared basics every layer may use: errors, ids, time, paging, text helpers. */
export { AppError, notFound, invalid, isAppError } from './errors';
export type { ErrorCode, FieldIssue } from './errors';
export { newId, isId } from './ids';
export type { Id } from './ids';
export { systemClock, fixedClock, isoDate } from './clock';
export type { Clock } from './clock';
export { pageRequest, toPage, offsetOf, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';
export type { Page, PageRequest } from './paging';
export { slugify, canonicalJson, csvTextCell, csvTextValue } from './text';
export { issuesOf, parseInput, UNKNOWN_FIELD_MESSAGE } from './parse';
export { textSchema, urlSchema, dateSchema, patchSchemaOf, givenFields, isPlainText, DATE_RANGE, CONTROL_CHARACTER_MESSAGE, WEB_ADDRESS_MESSAGE, DATE_RANGE_MESSAGE } from './input';
export type { TextOptions } from './input';
export type { Actor } from './actor';
export { systemActor } from './actor';
export { groupBy } from './collections';
export { inScope, unknownReference, referenceFailure, requireInScope } from './reference';
export type { ReferenceKind } from './reference';
