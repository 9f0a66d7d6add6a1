using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Sync.MassDelete;

/// <summary>When a burst of deletions is held for the user instead of applied (section <c>Sync:MassDelete</c>, ADR 0015).</summary>
public sealed class MassDeleteOptions
{
    public const string Section = "Sync:MassDelete";

    public bool Enabled { get; set; } = true;

    /// <summary>Held when the deletions are more than this share of the integration's linked, live events ("over half")…</summary>
    [Range(0.0, 1.0, ErrorMessage = "Sync:MassDelete:Share must be between 0 and 1 (e.g. 0.5 for \"over half\").")]
    public double Share { get; set; } = 0.5;

    /// <summary>…and at least this many, so emptying a calendar of three events is not a "mass" deletion.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Sync:MassDelete:Minimum must be at least 1.")]
    public int Minimum { get; set; } = 10;

    /// <summary>Whether <paramref name="deletions"/> of <paramref name="linked"/> events is a burst to hold.</summary>
    public bool Trips(int deletions, int linked) => Enabled && deletions >= Minimum && deletions > Share * linked;
}
