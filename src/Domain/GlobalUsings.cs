// The building blocks every aggregate uses.
global using Linkage.Domain.Common;
global using Linkage.Domain.Timeline;
