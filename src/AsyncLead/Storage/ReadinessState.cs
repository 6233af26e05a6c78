using AsyncLead.Jobs.Schema;

namespace AsyncLead.Storage;

public sealed record ReadinessState(bool IsReady, int? AppliedVersion, string? Problem);
