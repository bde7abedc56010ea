// Namespaces nearly every store class needs; the rest are imported where they are used.
global using Linkage.Application.Common.Exceptions;
global using Linkage.Application.Common.Persistence;
global using Linkage.Domain.Common;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
