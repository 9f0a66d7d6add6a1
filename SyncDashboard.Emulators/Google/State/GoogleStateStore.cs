using System.Text.Json;

namespace SyncDashboard.Emulators.Google.State;

/// <summary>Keeps the emulator's state in one JSON file so a demo survives restarts. Called under the emulator's lock.</summary>
public sealed class GoogleStateStore(string path)
{
    private static readonly JsonSerializerOptions Json = new(GoogleJson.Options) { WriteIndented = false };

    public EmulatorState? Load()
    {
        if (!File.Exists(path))
        {
            return null;
        }
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<EmulatorState>(stream, Json);
    }

    public void Save(EmulatorState state)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        // Write-then-rename so a crash mid-write never leaves a truncated file behind.
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(state, Json));
        File.Move(temp, path, overwrite: true);
    }
}
