using AsyncLead.Outbox;
using AsyncLead.Web;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// Installs in Postgres, and when the app last left each workspace. Bot tokens are written only encrypted with Data
/// Protection and decrypted on read.
/// </summary>
public sealed class InstallationStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection) : IWorkspaceRemovals, IWorkspaceDataKeeper
{
    private readonly IDataProtector _tokens = protection.CreateProtector("AsyncLead.Install.BotToken.v1");

    public async Task SaveAsync(Installation installation, string botToken, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO installations (workspace_id, team_name, enterprise_id, is_enterprise_install, bot_user_id, scopes,
                                       bot_token_protected, installed_by, installed_at)
            VALUES (@WorkspaceId, @TeamName, @EnterpriseId, @IsEnterpriseInstall, @BotUserId, @Scopes,
                    @Protected, @InstalledBy, @InstalledAt)
            ON CONFLICT (workspace_id) DO UPDATE SET
                team_name = excluded.team_name, enterprise_id = excluded.enterprise_id,
                is_enterprise_install = excluded.is_enterprise_install, bot_user_id = excluded.bot_user_id,
                scopes = excluded.scopes, bot_token_protected = excluded.bot_token_protected,
                installed_by = excluded.installed_by, installed_at = excluded.installed_at
            """,
            new
            {
                installation.WorkspaceId, installation.TeamName, installation.EnterpriseId, installation.IsEnterpriseInstall,
                installation.BotUserId, installation.Scopes, Protected = _tokens.Protect(botToken), installation.InstalledBy,
                InstalledAt = installation.InstalledAt.ToUniversalTime(),
            },
            cancellationToken: ct));
    }

    /// <summary>The decrypted bot token of <paramref name="workspaceId"/>, or null when it has no install.</summary>
    /// <summary>The bot token for a workspace: its own install's, else that of the org-wide install it is linked to.</summary>
    public async Task<string?> FindBotTokenAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT bot_token_protected FROM installations WHERE workspace_id = @workspaceId
            UNION ALL
            SELECT i.bot_token_protected FROM installation_teams t JOIN installations i ON i.workspace_id = t.installation_id
            WHERE t.team_id = @workspaceId
            LIMIT 1
            """, new { workspaceId }, cancellationToken: ct));
        return stored is null ? null : _tokens.Unprotect(stored);
    }

    /// <summary>The bot scopes a workspace's install granted (its own, else its org-wide install's); null when it has no install.</summary>
    public async Task<IReadOnlyList<string>?> FindScopesAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var scopes = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT scopes FROM installations WHERE workspace_id = @workspaceId
            UNION ALL
            SELECT i.scopes FROM installation_teams t JOIN installations i ON i.workspace_id = t.installation_id
            WHERE t.team_id = @workspaceId
            LIMIT 1
            """, new { workspaceId }, cancellationToken: ct));
        return scopes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Links a workspace to the org-wide install a request from it came through; false when that install isn't stored.</summary>
    public async Task<bool> LinkTeamAsync(string teamId, string installationId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO installation_teams (team_id, installation_id, linked_at)
            SELECT @teamId, workspace_id, @now FROM installations WHERE workspace_id = @installationId AND is_enterprise_install
            ON CONFLICT (team_id) DO UPDATE SET installation_id = EXCLUDED.installation_id, linked_at = EXCLUDED.linked_at
            """, new { teamId, installationId, now }, cancellationToken: ct)) == 1;
    }

    public async Task<Installation?> FindAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
            """
            SELECT workspace_id AS WorkspaceId, team_name AS TeamName, enterprise_id AS EnterpriseId,
                   is_enterprise_install AS IsEnterpriseInstall, bot_user_id AS BotUserId, scopes AS Scopes,
                   installed_by AS InstalledBy, installed_at AS InstalledAt
            FROM installations WHERE workspace_id = @workspaceId
            """,
            new { workspaceId }, cancellationToken: ct));
        return row is null
            ? null
            : new Installation(row.WorkspaceId, row.TeamName, row.EnterpriseId, row.IsEnterpriseInstall, row.BotUserId, row.Scopes,
                row.InstalledBy, new DateTimeOffset(row.InstalledAt, TimeSpan.Zero));
    }

    /// <summary>
    /// The workspaces linked to the org-wide install <paramref name="installationId"/> that have no install of their own,
    /// so act only with the organisation's token.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TeamsActingThroughAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string installationId, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT t.team_id FROM installation_teams t
            WHERE t.installation_id = @installationId
              AND NOT EXISTS (SELECT 1 FROM installations own WHERE own.workspace_id = t.team_id)
            ORDER BY t.team_id
            """, new { installationId }, transaction, cancellationToken: ct))).AsList();

    public static Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM installations WHERE workspace_id = @workspaceId", new { workspaceId }, transaction, cancellationToken: ct));

    public static Task<int> RecordRemovalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId,
        DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workspace_removals (workspace_id, removed_at) VALUES (@workspaceId, @now)
            ON CONFLICT (workspace_id) DO UPDATE SET removed_at = EXCLUDED.removed_at
            """, new { workspaceId, now }, transaction, cancellationToken: ct));

    public async Task<DateTimeOffset?> RemovedAtAsync(string workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var removedAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT removed_at FROM workspace_removals WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: cancellationToken));
        return removedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private sealed record InstallationRow(string WorkspaceId, string? TeamName, string? EnterpriseId, bool IsEnterpriseInstall,
        string? BotUserId, string Scopes, string? InstalledBy, DateTime InstalledAt);

    /// <summary>Installation teams go with their installation.</summary>
    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [
            await TableRows.PurgeAsync(connection, transaction, "installations", workspaceId, confirmed, ct),
            await TableRows.PurgeAsync(connection, transaction, "workspace_removals", workspaceId, confirmed, ct),
        ];
}
