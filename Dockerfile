# The Linkage API image. From the repository root:
#   docker build -t linkage-api .
#   podman build --format docker -t linkage-api .     (the docker format keeps the HEALTHCHECK)
# Run:      docker run -p 8080:8080 -e ConnectionStrings__Linkage=... -e Auth__SigningKey=... linkage-api
# Migrate:  docker run --rm -e ConnectionStrings__Linkage=... linkage-api migrate   (once per release)
# Configuration comes from environment variables only; README "Deploy" lists them. Nothing secret is built in.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore from the project files alone, so this layer is reused while only code changes. global.json is
# left out on purpose: the SDK image's tag chooses the SDK here.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Domain/Linkage.Domain.csproj src/Domain/
COPY src/Application/Linkage.Application.csproj src/Application/
COPY src/Infrastructure/Linkage.Infrastructure.csproj src/Infrastructure/
COPY src/Api/Linkage.Api.csproj src/Api/
RUN dotnet restore src/Api/Linkage.Api.csproj --disable-build-servers
COPY src/ src/
# appsettings.Development.json (the development signing key) has no place in a deployed image.
RUN dotnet publish src/Api/Linkage.Api.csproj -c Release --no-restore --disable-build-servers -o /app -p:UseAppHost=false \
 && rm -f /app/appsettings.Development.json

# The runtime image: the ASP.NET Core runtime and the published app, no SDK, no tests, no sources.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The non-root user that the .NET images define (uid 1654).
USER $APP_UID
# The image has no curl: the app asks itself (ContainerCommands). Orchestrators without HEALTHCHECK
# (Kubernetes) probe GET /health/live (liveness) and GET /health/ready (readiness) on port 8080.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/Linkage.Api.dll", "healthcheck"]
# dotnet runs as PID 1 and handles SIGTERM itself: it stops taking requests, lets those in flight finish
# (at most 30 s, HostOptions.ShutdownTimeout) and exits 0. Give it a grace period of at least 35 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "Linkage.Api.dll"]
