namespace AsyncLead.Storage;

/// <summary>A start-up problem the operator must fix (a bad setting, an unreachable database); its message says how.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
