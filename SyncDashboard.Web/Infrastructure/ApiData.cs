using System.Text.Json.Serialization;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>The setup guide's answer shape for <c>/api/calendar/...</c>: <c>{ success: true, data }</c> (errors stay problem details).</summary>
public sealed record ApiData<T>(T Data)
{
    [JsonPropertyOrder(-1)] public bool Success => true;
}
