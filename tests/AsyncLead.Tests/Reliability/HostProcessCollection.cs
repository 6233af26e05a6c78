namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Tests that start several AsyncLead processes or restart PostgreSQL take one turn at a time: on a 2-core machine
/// they would otherwise starve each other into timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
