using Linkage.Api.Http;
using Linkage.Application.Events.ListEvents;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// What the change feed's two operations (API.md 7) promise beyond the conventions for lists: a page of up to 1 000
/// events whose <c>nextCursor</c> is never null, 410 <c>CursorExpired</c>, and the stream's <c>text/event-stream</c> answer.
/// </summary>
public sealed class ChangeFeedOperations : IOperationProcessor
{
    private const string Prefix = "/api/v1/events";

    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        if (!description.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return true;
        }

        var operation = description.Operation;
        var stream = description.Path.EndsWith("/stream", StringComparison.Ordinal);
        foreach (var parameter in operation.Parameters)
        {
            parameter.Description = parameter.Name switch
            {
                "after" => stream
                    ? "Start after this cursor (an event's cursor or a page's nextCursor); without it, or with now, only new events come. Last-Event-ID wins."
                    : "Start after this cursor (an event's cursor or a page's nextCursor), or now for the head; without it, from the oldest kept event.",
                "types" => "Comma separated kinds (contact.updated) and families (link.*); without it, every kind.",
                "limit" => $"Events per page, 1 to {ListEvents.MaxLimit} (default {ListEvents.DefaultLimit}).",
                "Last-Event-ID" => "The id of the last event received: the stream resumes after it and misses nothing.",
                _ => parameter.Description,
            };
            if (parameter.Name == "limit")
            {
                var schema = parameter.Schema ?? parameter;
                schema.Minimum = 1;
                schema.Maximum = ListEvents.MaxLimit;
                schema.Default = ListEvents.DefaultLimit;
            }
        }

        operation.Description = (operation.Description ?? string.Empty)
            .Replace($" Answers one page of at most limit items (default {Application.Common.Paging.PageRequest.DefaultLimit}) in a stable order; "
                + "pass nextCursor as cursor to read the next page, until nextCursor is null.", string.Empty, StringComparison.Ordinal)
            + (stream
                ? " Each event comes as id: (its cursor), event: (its type), data: (the event JSON), then a blank line; a : keep-alive comment "
                  + "comes after 15 s of silence. The stream ends when the server shuts down: resume with Last-Event-ID."
                : " Events come in commit order; nextCursor is never null: read from it again to get what committed since (an empty page "
                  + "means you are up to date).");

        operation.Responses["410"] = new OpenApiResponse
        {
            Description = "The cursor is older than the events kept (Events:Retention). Problem details with code CursorExpired.",
            Content = { [ProblemSchema.ContentType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = ProblemSchema.Ensure(context.Document) } } },
        };

        if (stream)
        {
            var ok = operation.Responses["200"];
            ok.Description = "Server-Sent Events (text/event-stream), each data line one event as GET /api/v1/events lists it.";
            ok.Content.Clear();
            ok.Content["text/event-stream"] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String } };
            ok.Headers[EventStreamResponse.NoBufferingHeader] = new OpenApiHeader
            {
                Description = "no: asks a reverse proxy (nginx) not to buffer the stream, so each event reaches the client as it is sent.",
                IsRequired = true,
                Schema = new JsonSchema { Type = JsonObjectType.String, Enumeration = { "no" } },
            };
        }

        return true;
    }
}
