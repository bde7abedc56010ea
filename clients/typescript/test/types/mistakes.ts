// Issue 25's mistakes, each of which compiled before and must not now: `tsc` passes on this file only when every line
// after a `@ts-expect-error` is an error (an unused directive is an error itself). The lines without a directive are
// what must keep compiling. Never run: test/type-mistakes.test.ts compiles it.
import type {
  ActionView, FieldChange, FieldInput, FieldType, JsonPatchOperation, LinkageClient, LinkageProblem, TypedLinkView, UpsertLink,
} from "../../src/index.js";

declare const api: LinkageClient;
declare const problem: LinkageProblem;
declare const action: ActionView;
declare const change: FieldChange;
declare const typedLink: TypedLinkView;

export async function mistakes(): Promise<void> {
  // A JSON Patch operation is a union over op: a misspelt member, a missing value or from, an unknown op.
  // @ts-expect-error 'vaule' is no member of an add
  const misspelt: JsonPatchOperation = { op: "add", path: "/lastName", vaule: "Byron" };
  // @ts-expect-error an add needs its value
  const noValue: JsonPatchOperation = { op: "add", path: "/lastName" };
  // @ts-expect-error a move needs from
  const noFrom: JsonPatchOperation = { op: "move", path: "/lastName" };
  // @ts-expect-error there is no rename
  const unknownOp: JsonPatchOperation = { op: "rename", path: "/lastName", value: "x" };
  const fine: JsonPatchOperation[] = [{ op: "test", path: "/emails/0", value: { value: "ada@example.com" } }, { op: "remove", path: "/description" }];

  // Required inputs are required.
  // @ts-expect-error a domain needs a name and a label
  await api.domains.createDomain({});
  // @ts-expect-error an email needs its value
  await api.contacts.createContact({ firstName: "Ada", emails: [{}] });
  // @ts-expect-error a relationship type needs a label, fromDomain and toDomain
  await api.relationshipTypes.createRelationshipType({ name: "insured_by" });
  // @ts-expect-error a file needs its content type and size
  await api.files.createFile({ name: "a.pdf" });

  // Values are typed where a type was possible.
  // @ts-expect-error a record's key is text or a number
  const objectKey: UpsertLink = { parentDomain: "Claim", childDomain: "Contact", parentRecordKey: { number: 1 } };
  // @ts-expect-error a custom field holds text, a number, a boolean or null
  await api.contacts.createContact({ firstName: "Ada", customFields: { address: { city: "London" } } });
  // @ts-expect-error existingId is a string (an id)
  const existing: number | undefined = problem.body.existingId;
  // @ts-expect-error a change's value is any JSON value, to be narrowed before use
  const changedTo: Date = change.to;
  // @ts-expect-error a field value may be text, a boolean or null
  const score: number = typedLink.fieldValues["score"];

  // One type for a field's type, in definitions and in inputs.
  // @ts-expect-error "txt" is no field type
  const field: FieldInput = { name: "claimNumber", type: "txt" };
  const type: FieldType = field.type;

  // Every kind the API writes is a kind the client knows, and no other.
  const definitionChange = action.kind === "domain.created" || action.kind === "relationship_type.updated" || action.kind === "file.created";
  // @ts-expect-error domain.renamed is no kind
  const renamed = action.kind === "domain.renamed";

  // A note action's answer carries its ETag; a supersede's also the new revision's Location and id.
  const archived = await api.contactNotes.patchNote("c", "n", { action: "archive" }, { ifMatch: '"1"' });
  const archivedTag: string = archived.etag;
  const revision = await api.contactNotes.patchNote("c", "n", { action: "supersede", supersede: { message: "New" } }, { ifMatch: '"1"' });
  const revisionId: string = revision.locationId;
  const revisionTag: string = revision.etag;
  // @ts-expect-error an archive makes nothing: no Location is promised
  const archivedId: string = archived.locationId;

  // A create's answer carries the new resource's ETag, Location and id.
  const created = await api.contacts.createContact({ firstName: "Ada" });
  const createdId: string = created.locationId;
  // @ts-expect-error a list's answer promises no ETag
  const listTag: string = (await api.contacts.listContacts()).etag;

  // The record filter is a map of text and number values.
  await api.records.listRecords("Claim", { where: { claimNumber: "C-1", amount: 100 } });
  // @ts-expect-error a boolean field cannot be matched
  await api.records.listRecords("Claim", { where: { urgent: true } });
  // @ts-expect-error the filter is a map, not a string
  await api.records.listRecords("Claim", { where: "claimNumber=C-1" });

  // A change of an existing resource takes its precondition.
  // @ts-expect-error If-Match (or If-Unmodified-Since) is required
  await api.contacts.patchContact("c", { lastName: "Byron" }, {});

  void [misspelt, noValue, noFrom, unknownOp, fine, objectKey, existing, changedTo, score, type, definitionChange, renamed];
  void [archivedTag, revisionId, revisionTag, archivedId, createdId, listTag];
}
