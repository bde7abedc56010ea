using NSwag;
using NSwag.Generation.Processors.Security;

namespace Linkage.Api.Operations;

/// <summary>The NSwag OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>, with bearer auth.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddLinkageOpenApi(this IServiceCollection services)
    {
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = DocumentName;
            settings.Title = "Linkage API";
            settings.Version = "v1";
            settings.AddSecurity("Bearer", new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with sub (actor), tid (tenant) and perm (permissions) claims.",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("Bearer"));
            foreach (var mapper in OptionalSchemaMapper.For(typeof(Application.Common.Patching.Optional<>).Assembly))
            {
                settings.SchemaSettings.TypeMappers.Add(mapper);
            }
        });
        return services;
    }

    public static void UseLinkageOpenApi(this WebApplication app)
    {
        app.UseOpenApi(settings => settings.Path = "/openapi/{documentName}.json");
        app.UseSwaggerUi(settings =>
        {
            settings.Path = "/swagger";
            settings.DocumentPath = "/openapi/{documentName}.json";
        });
    }
}
