using Linkage.Application.Definitions;
using Linkage.Application.Definitions.DefineDomain;
using Linkage.Application.Definitions.DefineRelationshipType;
using Linkage.Application.Definitions.GetDomain;
using Linkage.Application.Definitions.GetRelationshipType;
using Linkage.Application.Definitions.ListDomains;
using Linkage.Application.Definitions.ListRelationshipTypes;
using Linkage.Application.Definitions.PatchDomain;
using Linkage.Application.Definitions.PatchRelationshipType;

namespace Linkage.Api.Controllers;

// What a tenant defines, each on its route; defining needs *:Admin, reading any right.

/// <summary>Custom domains and their fields (API.md 5.1).</summary>
[Route("api/v1/domains")]
public sealed class DomainsController() : DefinitionController<DomainView, DefineDomain>(
    SubjectType.Domain,
    get: name => new GetDomain(name),
    list: page => new ListDomains(page),
    patch: (name, patch, format, precondition) => new PatchDomain(name, format, patch, precondition));

/// <summary>Relationship types: kinds of links from a domain's records to contacts, with fields of their own (API.md 5.2).</summary>
[Route("api/v1/relationship-types")]
public sealed class RelationshipTypesController() : DefinitionController<RelationshipTypeView, DefineRelationshipType>(
    SubjectType.RelationshipType,
    get: name => new GetRelationshipType(name),
    list: page => new ListRelationshipTypes(page),
    patch: (name, patch, format, precondition) => new PatchRelationshipType(name, format, patch, precondition));
