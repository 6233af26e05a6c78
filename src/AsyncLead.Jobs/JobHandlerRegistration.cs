using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Jobs;

/// <summary>One <c>services.AddJobHandler&lt;T&gt;()</c> call: the route table reads the kind from the handler itself.</summary>
internal sealed record JobHandlerRegistration(Type HandlerType);
