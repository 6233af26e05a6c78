namespace AsyncLead;

/// <summary>
/// <c>dotnet AsyncLead.dll healthcheck</c>: asks the running host's <c>/healthz</c> and exits 0 or 1, for container
/// health checks on an image that ships no curl.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string? urls)
    {
        var first = (urls ?? "http://127.0.0.1:8080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        var address = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(address), "/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {address}/healthz unreachable: {ex.Message}");
            return 1;
        }
    }
}
