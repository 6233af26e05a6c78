using AsyncLead.Testing;
using YamlDotNet.RepresentationModel;

namespace AsyncLead.Tests.Deploy;

public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy", "k8s");

    private static YamlMappingNode Manifest(string file) => DeploySettings.Load("deploy", "k8s", file);

    private static YamlNode Container => Manifest("deployment.yaml").At("spec", "template", "spec", "containers", 0);

    [Fact]
    public void Every_file_parses_and_kustomize_lists_every_resource_but_the_secret_template()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order().ToList();
        var kinds = files.ToDictionary(file => file!, file => Manifest(file!).Text("kind"));

        Assert.Equal(
            ["ConfigMap", "Deployment", "Ingress", "Kustomization", "PodDisruptionBudget", "Secret", "Service"],
            kinds.Values.Order());
        Assert.Equal(
            files.Where(file => file is not ("kustomization.yaml" or "secret.example.yaml")).Order(),
            Manifest("kustomization.yaml").At("resources").Items().Order());
    }

    [Fact]
    public void Three_replicas_spread_and_a_disruption_budget_that_keeps_two()
    {
        var deployment = Manifest("deployment.yaml");
        var podLabels = deployment.At("spec", "template", "metadata", "labels");

        Assert.Equal("3", deployment.Text("spec", "replicas"));
        Assert.Equal("0", deployment.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal(podLabels, deployment.At("spec", "selector", "matchLabels"));
        Assert.Equal(podLabels, Manifest("poddisruptionbudget.yaml").At("spec", "selector", "matchLabels"));
        Assert.Equal(podLabels, Manifest("service.yaml").At("spec", "selector"));
        Assert.Equal("2", Manifest("poddisruptionbudget.yaml").Text("spec", "minAvailable"));
    }

    [Fact]
    public void Probes_use_the_health_endpoints_on_the_port_the_image_listens_on()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile"));
        var port = Container.At("ports", 0);

        Assert.Equal("8080", port.Text("containerPort"));
        Assert.Contains($"ASPNETCORE_URLS=http://+:{port.Text("containerPort")}", dockerfile);
        Assert.Equal("/healthz", Container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Container.Text("startupProbe", "httpGet", "path"));
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Assert.Equal(port.Text("name"), Container.Text(probe, "httpGet", "port"));
        }

        Assert.Equal(port.Text("name"), Manifest("service.yaml").Text("spec", "ports", 0, "targetPort"));
        var backend = Manifest("ingress.yaml").At("spec", "rules", 0, "http", "paths", 0);
        Assert.Equal("/", backend.Text("path"));
        Assert.Equal(Manifest("service.yaml").Text("metadata", "name"), backend.Text("backend", "service", "name"));
        Assert.Equal(Manifest("service.yaml").Text("spec", "ports", 0, "name"), backend.Text("backend", "service", "port", "name"));
    }

    [Fact]
    public void The_probe_paths_are_the_ones_the_app_serves()
    {
        var routes = AppRoutes.Get();

        Assert.Contains(Container.Text("livenessProbe", "httpGet", "path"), routes);
        Assert.Contains(Container.Text("readinessProbe", "httpGet", "path"), routes);
    }

    [Fact]
    public void Runs_as_the_images_non_root_user_with_a_read_only_root_and_resource_requests()
    {
        var pod = Manifest("deployment.yaml").At("spec", "template", "spec");

        Assert.Equal("true", pod.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("1654", pod.Text("securityContext", "runAsUser"));
        Assert.Equal("false", Container.Text("securityContext", "allowPrivilegeEscalation"));
        Assert.Equal("true", Container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], Container.At("securityContext", "capabilities", "drop").Items());
        Assert.Equal("/tmp", Container.Text("volumeMounts", 0, "mountPath"));
        Assert.Equal(["cpu", "memory"], Container.At("resources", "requests").Keys().Order());
        Assert.Contains("memory", Container.At("resources", "limits").Keys());
    }

    [Fact]
    public void Settings_come_from_the_configmap_and_secret_under_the_names_the_code_binds()
    {
        var configMap = Manifest("configmap.yaml");
        var secret = Manifest("secret.example.yaml");
        var sources = Container.At("envFrom");

        Assert.Equal(configMap.Text("metadata", "name"), sources.Text(0, "configMapRef", "name"));
        Assert.Equal(secret.Text("metadata", "name"), sources.Text(1, "secretRef", "name"));
        var names = configMap.At("data").Keys().Concat(secret.At("stringData").Keys()).ToList();
        Assert.All(names, name => Assert.True(DeploySettings.IsBoundByTheApp(name), $"{name} is not a setting the app reads"));
        Assert.Contains("ConnectionStrings__Postgres", secret.At("stringData").Keys());
        Assert.Contains("Slack__SigningSecret", secret.At("stringData").Keys());
        Assert.Contains("AsyncLead__PublicUrl", configMap.At("data").Keys());
        Assert.DoesNotContain(configMap.At("data").Keys(), name =>
            name.Contains("Secret", StringComparison.Ordinal) || name.Contains("Token", StringComparison.Ordinal) || name.StartsWith("ConnectionStrings", StringComparison.Ordinal));
        Assert.Equal(
            new Uri(configMap.Text("data", "AsyncLead__PublicUrl")).Host,
            Manifest("ingress.yaml").Text("spec", "rules", 0, "host"));
    }

    [Fact]
    public void The_settings_check_itself_rejects_names_the_code_does_not_bind()
    {
        Assert.True(DeploySettings.IsBoundByTheApp("Jobs__Concurrency"));
        Assert.False(DeploySettings.IsBoundByTheApp("Slack__BotTokens"));
        Assert.False(DeploySettings.IsBoundByTheApp("Jobs__Concurency"));
        Assert.False(DeploySettings.IsBoundByTheApp("ASYNCLEAD_PUBLIC_URL"));
    }
}
