// Hand-written: the types of values the OpenAPI document describes inline and marks (x-linkage-type), which NSwag cannot
// type by itself (it types a oneOf by its first member and "any JSON" as any). scripts/client-document.mjs points the
// marked schemas here; nswag.json's excludedTypeNames keeps NSwag from generating them (ADR 0020).

/**
 * Any JSON value, where the contract says so: a JSON Patch operation's value, a timeline change's before and after.
 * Narrow it before use (`typeof change.to === "string"`).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A field's value: a custom field of a contact or company (text of at most 2000 characters, a number, a boolean, or null),
 * a record's field by its type (text; a number; a date as YYYY-MM-DD; a boolean; an association as the record's id), a
 * typed link's field value.
 */
export type FieldValue = string | number | boolean | null;

/** The value of a text or number field that names a record: a link upsert's key, a list's filter. */
export type RecordKey = string | number;

/** Field values a record list must equal, by field name (text and number fields): `{ claimNumber: "C-1", amount: 100 }`. */
export type RecordFilter = { readonly [field: string]: RecordKey };

/** Adds value at path (appends to an array at `/-`). */
export interface JsonPatchAdd {
  op: "add";
  /** An RFC 6901 JSON Pointer to the target (`/emails/-`, `/customFields/tier`). */
  path: string;
  /** The value to add. */
  value: JsonValue;
}

/** Removes the value at path. */
export interface JsonPatchRemove {
  op: "remove";
  /** An RFC 6901 JSON Pointer to the value to remove. */
  path: string;
}

/** Replaces the value at path, which must exist. */
export interface JsonPatchReplace {
  op: "replace";
  /** An RFC 6901 JSON Pointer to the value to replace. */
  path: string;
  /** The new value. */
  value: JsonValue;
}

/** Removes the value at from and adds it at path. */
export interface JsonPatchMove {
  op: "move";
  /** An RFC 6901 JSON Pointer to the value to move. */
  from: string;
  /** An RFC 6901 JSON Pointer to where it goes. */
  path: string;
}

/** Adds a copy of the value at from at path. */
export interface JsonPatchCopy {
  op: "copy";
  /** An RFC 6901 JSON Pointer to the value to copy. */
  from: string;
  /** An RFC 6901 JSON Pointer to where the copy goes. */
  path: string;
}

/** Fails the whole patch (409 PatchTestFailed, nothing applied) unless the value at path equals value. */
export interface JsonPatchTest {
  op: "test";
  /** An RFC 6901 JSON Pointer to the value to compare. */
  path: string;
  /** The value expected. */
  value: JsonValue;
}

/** One RFC 6902 operation; `op` says which, and which members it needs. */
export type JsonPatchOperation = JsonPatchAdd | JsonPatchRemove | JsonPatchReplace | JsonPatchMove | JsonPatchCopy | JsonPatchTest;
