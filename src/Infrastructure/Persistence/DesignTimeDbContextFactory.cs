using Linkage.Application.Common.Security;
using Microsoft.EntityFrameworkCore.Design;

namespace Linkage.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the API's host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LinkageDbContext>
{
    public LinkageDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LinkageDbContext>()
            .UseNpgsql("Host=localhost;Database=linkage_design")
            .Options;
        return LinkageDbContext.ForCaller(options, new NoUser());
    }

    private sealed class NoUser : ICurrentUser
    {
        public string ActorId => string.Empty;

        public string TenantId => string.Empty;

        public IReadOnlyCollection<Permission> Permissions => [];
    }
}
