using System.Text.Json;
using Linkage.Api.Operations.OpenApi;
using Linkage.Application.Notes;
using Linkage.Application.Notes.CreateNote;
using Linkage.Application.Notes.GetNote;
using Linkage.Application.Notes.ListNotes;
using Linkage.Application.Notes.SupersedeNote;

namespace Linkage.Api.Controllers;

/// <summary>
/// Notes on a contact or a company (API.md 3). The two routes differ only in their subject, so the
/// actions live here and <see cref="ContactNotesController"/> and <see cref="CompanyNotesController"/> give the route.
/// </summary>
public abstract class NotesControllerBase : LinkageControllerBase
{
    /// <summary>The route segment of the subject's collection (<c>contacts</c> or <c>companies</c>).</summary>
    protected abstract string Collection { get; }

    protected abstract TimelineSubject Subject(Guid id);

    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<NoteView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateNote(
        Guid id,
        [FromBody] NewNote body,
        CancellationToken cancellationToken)
    {
        var answer = await Mediator.Send(Application.Notes.CreateNote.CreateNote.For(Subject(id), body, Request.IdempotencyKey()), cancellationToken);
        return CreatedWithETag(Location(id, answer.Value.Id), answer, answer.Value.Version);
    }

    /// <summary>The current notes: the heads of their revision chains that are not archived, unless asked otherwise.</summary>
    /// <param name="id">The id of the contact or company whose notes are listed.</param>
    /// <param name="includeArchived">Also archived notes.</param>
    /// <param name="includeSuperseded">Also the earlier revisions of superseded notes.</param>
    /// <param name="limit">Items per page.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet]
    public Task<Page<NoteView>> ListNotes(
        Guid id,
        [FromQuery] bool includeArchived = false,
        [FromQuery] bool includeSuperseded = false,
        [FromQuery] int limit = PageRequest.DefaultLimit,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListNotes(Subject(id), includeArchived, includeSuperseded, new PageRequest(limit, cursor)), cancellationToken);

    [HttpGet("{noteId:guid}")]
    [ProducesResponseType<NoteView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<IActionResult> GetNote(
        Guid id,
        Guid noteId,
        CancellationToken cancellationToken)
    {
        var note = await Mediator.Send(new GetNote(Subject(id), noteId), cancellationToken);
        return OkWithETag(note, note.Version);
    }

    /// <summary>
    /// <c>{"action": "archive" | "unarchive" | "supersede", "supersede": {...}}</c>: 204 with the note's new ETag,
    /// or for a supersede the Location and ETag of the new revision. Idempotency-Key is ignored here.
    /// </summary>
    [HttpPatch("{noteId:guid}")]
    [Consumes("application/json")]
    [RequestBodySchema(PatchSchemas.NotePatchName)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ResponseHeader(StatusCodes.Status204NoContent, "Location", "After a supersede: the URL of the new revision, whose ETag is the ETag header.")]
    public async Task<IActionResult> PatchNote(
        Guid id,
        Guid noteId,
        [FromBody] JsonElement body,
        CancellationToken cancellationToken)
    {
        var command = NotePatch.ToCommand(body, Subject(id), noteId, Request.Precondition());
        var note = await Mediator.Send(command, cancellationToken);
        Response.Headers.ETag = EntityTagCondition.Format(note.Version);
        if (command is SupersedeNote)
        {
            Response.Headers.Location = Location(id, note.Id);
        }

        return NoContent();
    }

    private string Location(Guid id, Guid noteId) => $"/api/v1/network/{Collection}/{id}/notes/{noteId}";
}

/// <summary>Notes on a contact.</summary>
[Route("api/v1/network/contacts/{id:guid}/notes")]
public sealed class ContactNotesController : NotesControllerBase
{
    protected override string Collection => "contacts";

    protected override TimelineSubject Subject(Guid id) => TimelineSubject.Contact(id);
}

/// <summary>Notes on a company.</summary>
[Route("api/v1/network/companies/{id:guid}/notes")]
public sealed class CompanyNotesController : NotesControllerBase
{
    protected override string Collection => "companies";

    protected override TimelineSubject Subject(Guid id) => TimelineSubject.Company(id);
}
