using Linkage.Api.Operations.OpenApi;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;
using NSwag;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Operations;

/// <summary>
/// The NSwag OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>. The
/// contract's conventions (operation ids, headers, problem responses, bearer security) are added by
/// operation processors, so every endpoint is described the same way without per-endpoint attributes.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string SecurityScheme = "Bearer";

    public static IServiceCollection AddLinkageOpenApi(this IServiceCollection services)
    {
        services.AddOpenApiDocument((settings, provider) =>
        {
            settings.DocumentName = DocumentName;
            settings.Title = "Linkage API";
            settings.Version = "v1";
            settings.Description = "Multi-tenant CRM relationship data. Errors are RFC 9457 problem details with a stable code."
                + AnswerHeaders.DocumentNote;

            // The API writes enums as strings (JsonSetup); the schema says so explicitly rather than
            // relying on NSwag picking up the MVC options.
            if (settings.SchemaSettings is SystemTextJsonSchemaGeneratorSettings json)
            {
                JsonSetup.Configure(json.SerializerOptions);
            }

            // A view's bookkeeping comes from its base record (ResourceView); clients see one flat type per resource.
            settings.SchemaSettings.FlattenInheritanceHierarchy = true;
            settings.SchemaSettings.SchemaProcessors.Add(new RequiredProperties());
            settings.SchemaSettings.SchemaProcessors.Add(new ResourceSchemas(provider.GetRequiredService<ResourceCatalog>()));
            var values = new ValueSchemas();
            settings.SchemaSettings.SchemaProcessors.Add(values);
            // Ids are UUIDs (UUIDv7 inside): "uuid" is the OpenAPI format, NJsonSchema's own "guid" is not.
            settings.SchemaSettings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(Guid), s =>
            {
                s.Type = JsonObjectType.String;
                s.Format = OpenApiFormats.Uuid;
            }));
            settings.UseControllerSummaryAsTagDescription = true;
            var written = new System.Text.Json.JsonSerializerOptions();
            JsonSetup.Configure(written);
            settings.SchemaSettings.SchemaProcessors.Add(new PropertyOrder(written));
            settings.AddSecurity(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with sub (actor), tid (tenant) and perm (permissions) claims.",
            });
            settings.OperationProcessors.Add(new OperationNaming());
            settings.OperationProcessors.Add(new PathParameters());
            settings.OperationProcessors.Add(new OperationDocs());
            settings.OperationProcessors.Add(new RequestContentTypes());
            settings.OperationProcessors.Add(new SelectedResponses());
            settings.OperationProcessors.Add(new ContractHeaders(SecurityScheme));
            settings.OperationProcessors.Add(new FieldEqualityParameters());
            settings.OperationProcessors.Add(new SuccessResponses());
            settings.OperationProcessors.Add(new ProblemResponses());
            settings.OperationProcessors.Add(new ChangeFeedOperations());
            settings.OperationProcessors.Add(new AnswerHeaders());
            settings.DocumentProcessors.Add(new ContractValues());
            settings.DocumentProcessors.Add(new NullableSchemas());
            settings.DocumentProcessors.Add(new RequestExamples());
            settings.DocumentProcessors.Add(values);
            settings.DocumentProcessors.Add(new DescribedParameters());
            foreach (var mapper in OptionalSchemaMapper.For(typeof(Application.Common.Input.Optional<>).Assembly))
            {
                settings.SchemaSettings.TypeMappers.Add(mapper);
            }

            foreach (var mapper in JsonTextSchemaMapper.For(typeof(Application.Common.Json.JsonText<>).Assembly))
            {
                settings.SchemaSettings.TypeMappers.Add(mapper);
            }
        });
        return services;
    }

    /// <summary>
    /// The document and Swagger UI, on a branch that <c>/api</c> requests do not enter: they would only pass through the
    /// document's, the UI's and its redirect's middlewares on every call.
    /// </summary>
    public static void UseLinkageOpenApi(this WebApplication app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), branch =>
        {
            branch.UseOpenApi(settings => settings.Path = "/openapi/{documentName}.json");
            branch.UseSwaggerUi(settings =>
            {
                settings.Path = "/swagger";
                settings.DocumentPath = "/openapi/{documentName}.json";
            });
        });
}
