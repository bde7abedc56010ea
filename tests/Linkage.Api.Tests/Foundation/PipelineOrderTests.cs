using Linkage.Application;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Links;
using Linkage.Application.Links.UpdateLink;
using Linkage.Domain.Links;
using Linkage.Infrastructure;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

public sealed class PipelineOrderTests
{
    [Test]
    public void Behaviors_run_logging_authorization_validation_unit_of_work_idempotency_in_that_order()
    {
        var services = Services();

        var behaviors = services
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType!.Name.Split('`')[0])
            .ToList();

        Assert.That(behaviors, Is.EqualTo(new[]
        {
            "LoggingBehavior", "AuthorizationBehavior", "ValidationBehavior", "UnitOfWorkBehavior", "IdempotencyBehavior",
        }));
    }

    [Test]
    public void A_conditional_command_is_handled_by_the_conditional_write_around_its_use_case()
    {
        var services = Services();

        var handler = services.Single(d => d.ServiceType == typeof(IRequestHandler<UpdateLink, LinkView>));
        Assert.That(handler.ImplementationType, Is.EqualTo(typeof(ConditionalWrite<UpdateLink, NetworkLink, LinkView>)));
        var useCase = services.Single(d => d.ServiceType == typeof(IConditionalCommandHandler<UpdateLink, NetworkLink, LinkView>));
        Assert.That(useCase.ImplementationType, Is.EqualTo(typeof(UpdateLinkHandler)));
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLinkageApplication();
        services.AddLinkageInfrastructure(new ConfigurationBuilder().Build());
        return services;
    }
}
