namespace AsyncLead.Testing;

/// <summary>The checkout the tests run from (the folder holding AsyncLead.sln).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AsyncLead.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"AsyncLead.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Path => Root.Value;
}
