using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace AsyncLead.Features.Install;

/// <summary>
/// The ASP.NET Core Data Protection key ring, kept in Postgres so every replica encrypts and decrypts with the same
/// keys (a key ring on local disk would make one replica's tokens unreadable to the next).
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, TimeProvider clock) : IXmlRepository
{
    // IXmlRepository is synchronous by design; it is read when the key ring loads and refreshes (about daily).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name").Select(xml => XElement.Parse(xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at)
            VALUES (@friendlyName, @xml, @now)
            ON CONFLICT (friendly_name) DO NOTHING
            """,
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow() });
    }
}
