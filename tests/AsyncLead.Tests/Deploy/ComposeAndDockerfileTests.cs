using AsyncLead.Testing;
using YamlDotNet.RepresentationModel;

namespace AsyncLead.Tests.Deploy;

/// <summary>No Docker engine runs here, so the compose file and Dockerfile are checked by reading them.</summary>
public sealed class ComposeAndDockerfileTests
{
    private static readonly YamlMappingNode Compose = Load("docker-compose.yml");
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile"));

    [Fact]
    public void The_app_waits_for_a_healthy_postgres_with_a_volume()
    {
        var postgres = Service("postgres");
        var healthcheck = (YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"];
        Assert.Contains("pg_isready", string.Join(' ', healthcheck.Children.Select(c => c.ToString())));
        Assert.Contains("/var/lib/postgresql/data", ((YamlSequenceNode)postgres["volumes"]).Children[0].ToString());

        var dependsOn = (YamlMappingNode)Service("app")["depends_on"];
        Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["postgres"])["condition"].ToString());
    }

    [Fact]
    public void The_app_gets_the_connection_string_by_its_real_name_and_reads_the_rest_from_env()
    {
        var app = Service("app");
        var environment = (YamlMappingNode)app["environment"];
        var connection = environment["ConnectionStrings__Postgres"].ToString();
        var postgresEnvironment = (YamlMappingNode)Service("postgres")["environment"];

        Assert.Contains("Host=postgres", connection);
        Assert.Contains($"Database={postgresEnvironment["POSTGRES_DB"]}", connection);
        Assert.Contains($"Username={postgresEnvironment["POSTGRES_USER"]}", connection);
        Assert.Equal(".env", app["env_file"].ToString());

        var example = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", ".env.example"))
            .Where(line => line.Contains('=') && !line.StartsWith('#')).Select(line => line[..line.IndexOf('=')]).ToList();
        Assert.Contains("Slack__SigningSecret", example);
        Assert.Contains("Slack__BotToken", example);
        Assert.Contains("POSTGRES_PASSWORD", example);
    }

    [Fact]
    public void Ports_agree_between_the_dockerfile_and_compose_and_the_image_runs_as_non_root_with_a_healthcheck()
    {
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", Dockerfile);
        Assert.Contains("EXPOSE 8080", Dockerfile);
        Assert.Equal("8080:8080", ((YamlSequenceNode)Service("app")["ports"]).Children[0].ToString());
        Assert.Contains("USER app", Dockerfile);
        Assert.Contains("CMD [\"dotnet\", \"AsyncLead.dll\", \"healthcheck\"]", Dockerfile);
        Assert.Equal("deploy/Dockerfile", ((YamlMappingNode)Service("app")["build"])["dockerfile"].ToString());
    }

    [Fact]
    public void Every_setting_in_compose_and_the_env_example_is_one_the_code_binds()
    {
        var example = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", ".env.example"))
            .Select(line => line.TrimStart('#', ' '))
            .Where(line => line.Contains('=') && !line.Contains(' ', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf('=')]);
        var compose = ((YamlMappingNode)Service("app")["environment"]).Children.Keys.Select(key => key.ToString());

        // POSTGRES_PASSWORD is compose's own, for the postgres service and the connection string it builds.
        var settings = example.Concat(compose).Where(name => name != "POSTGRES_PASSWORD").ToList();
        Assert.Contains("AsyncLead__PublicUrl", settings);
        Assert.Contains("Slack__ClientSecret", settings);
        Assert.All(settings, name => Assert.True(DeploySettings.IsBoundByTheApp(name), $"{name} is not a setting the app reads"));
    }

    [Fact]
    public void The_image_and_the_kubernetes_deployment_agree_on_the_non_root_user_and_health_endpoint()
    {
        var pod = DeploySettings.Load("deploy", "k8s", "deployment.yaml").At("spec", "template", "spec");

        Assert.Contains("USER app", Dockerfile);
        Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", Dockerfile);
        Assert.Equal("/healthz", pod.Text("containers", 0, "livenessProbe", "httpGet", "path"));
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    private static YamlMappingNode Load(string relativePath)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, relativePath));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
