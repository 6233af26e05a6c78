namespace AsyncLead.Jobs.Schema;

/// <summary>One <c>NNNN_name.sql</c> file as embedded; <see cref="Checksum"/> catches an applied file edited later.</summary>
public sealed record EmbeddedMigration(int Version, string Name, string FileName, string Sql, string Checksum);
