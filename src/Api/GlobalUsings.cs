// Namespaces nearly every controller and HTTP helper needs; the rest are imported where they are used.
global using Linkage.Api.Http;
global using Linkage.Application.Common.Concurrency;
global using Linkage.Application.Common.Fields;
global using Linkage.Application.Common.Paging;
global using Linkage.Application.Common.Resources;
global using Linkage.Application.Timeline;
global using Linkage.Domain.Common;
global using MediatR;
global using Microsoft.AspNetCore.Mvc;
