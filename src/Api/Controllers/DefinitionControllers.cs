using Linkage.Application.Definitions;
using Linkage.Application.Definitions.DefineDomain;
using Linkage.Application.Definitions.DefineRelationshipType;
using Linkage.Domain.Definitions;

namespace Linkage.Api.Controllers;

// What a tenant defines, each on its route; defining needs *:Admin, reading any right.

/// <summary>Custom domains and their fields (API.md 5.1).</summary>
[Route("api/v1/domains")]
public sealed class DomainsController() : DefinitionController<DomainDefinition, DomainView, DefineDomain>(SubjectType.Domain);

/// <summary>Relationship types: kinds of links from a domain's records to contacts, with fields of their own (API.md 5.2).</summary>
[Route("api/v1/relationship-types")]
public sealed class RelationshipTypesController()
    : DefinitionController<RelationshipType, RelationshipTypeView, DefineRelationshipType>(SubjectType.RelationshipType);
