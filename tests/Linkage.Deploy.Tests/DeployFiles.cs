using YamlDotNet.RepresentationModel;

namespace Linkage.Deploy.Tests;

/// <summary>The repository's deployment files, parsed: YAML documents and PgBouncer's ini settings.</summary>
internal static class DeployFiles
{
    public static readonly string Root = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "deploy", .. parts]);

    /// <summary>Every YAML document of a file (a manifest may hold several, separated by ---).</summary>
    public static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>Every Kubernetes object of deploy/k8s, by "Kind/name".</summary>
    public static Dictionary<string, YamlMappingNode> KubernetesObjects() =>
        Directory.GetFiles(Path("k8s"), "*.yaml")
            .Where(f => System.IO.Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(Documents)
            .ToDictionary(d => $"{d.Text("kind")}/{d.Map("metadata").Text("name")}");

    /// <summary>The settings of an ini file (PgBouncer's), section names left out; comments skipped.</summary>
    public static Dictionary<string, string> Ini(string path) =>
        File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith(';') && !l.StartsWith('[') && l.Contains('='))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());

    public static YamlMappingNode Map(this YamlMappingNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = (YamlMappingNode)current.Children[new YamlScalarNode(key)];
        }

        return current;
    }

    public static YamlSequenceNode Sequence(this YamlMappingNode node, string key) =>
        (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string Text(this YamlMappingNode node, string key) =>
        ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? string.Empty;

    public static string? TextOrNull(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static bool Has(this YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public static int Number(this YamlMappingNode node, string key) => int.Parse(node.Text(key), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The containers of a Deployment's or Job's pod template.</summary>
    public static List<YamlMappingNode> Containers(this YamlMappingNode workload) =>
        workload.Map("spec", "template", "spec").Sequence("containers").Cast<YamlMappingNode>().ToList();

    /// <summary>A container's environment by name: the value node (a scalar value or a valueFrom mapping).</summary>
    public static Dictionary<string, YamlMappingNode> Environment(this YamlMappingNode container) =>
        container.Sequence("env").Cast<YamlMappingNode>().ToDictionary(e => e.Text("name"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Linkage.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Linkage.slnx not found above " + AppContext.BaseDirectory);
    }
}
