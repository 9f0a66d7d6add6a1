namespace SyncDashboard.Bench;

/// <summary>Finds the repository (SyncDashboard.Web, bench/hub-clients.mjs) above the binaries or the working directory.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();
    public static string WebProjectDirectory => Path.Combine(Root, "SyncDashboard.Web");
    public static string HubClientsScript => Path.Combine(Root, "bench", "hub-clients.mjs");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SyncDashboard.Web", "SyncDashboard.Web.csproj"))
                    && File.Exists(Path.Combine(dir.FullName, "bench", "hub-clients.mjs")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            "The repository (SyncDashboard.Web and bench/hub-clients.mjs) was not found above " + AppContext.BaseDirectory +
            " or the working directory; run the bench from the repository (bench/run.sh does).");
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
