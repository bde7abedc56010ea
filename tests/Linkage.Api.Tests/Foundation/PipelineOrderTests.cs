using Linkage.Application;
using Linkage.Infrastructure;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

public sealed class PipelineOrderTests
{
    [Test]
    public void Behaviors_run_logging_authorization_validation_note_scope_unit_of_work_precondition_idempotency_in_that_order()
    {
        var services = new ServiceCollection();
        services.AddLinkageApplication();
        services.AddLinkageInfrastructure(new ConfigurationBuilder().Build());

        var behaviors = services
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType!.Name.Split('`')[0])
            .ToList();

        Assert.That(behaviors, Is.EqualTo(new[]
        {
            "LoggingBehavior", "AuthorizationBehavior", "ValidationBehavior", "NoteScopeBehavior", "UnitOfWorkBehavior",
            "PreconditionBehavior", "IdempotencyBehavior",
        }));
    }
}
