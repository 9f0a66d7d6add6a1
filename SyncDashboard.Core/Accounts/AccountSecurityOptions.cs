using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Accounts;

/// <summary>Brute-force limits for passwords and API tokens (section <c>Accounts</c>).</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "Accounts";

    /// <summary>Sign-in and registration posts one client address may make per minute (ASP.NET Core's rate limiter).</summary>
    [Range(1, 100_000, ErrorMessage = "Accounts:SignInRequestsPerMinute must be between 1 and 100000.")]
    public int SignInRequestsPerMinute { get; set; } = 30;

    /// <summary>Wrong passwords for one e-mail address, within <see cref="LockoutDuration"/>, that lock it.</summary>
    [Range(1, 10_000, ErrorMessage = "Accounts:MaxFailedSignIns must be between 1 and 10000.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Accounts:LockoutDuration must be between 1 second and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Unknown or revoked API tokens one client address may present, within <see cref="ApiTokenBlockDuration"/>, before 429s.</summary>
    [Range(1, 100_000, ErrorMessage = "Accounts:MaxFailedApiTokens must be between 1 and 100000.")]
    public int MaxFailedApiTokens { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Accounts:ApiTokenBlockDuration must be between 1 second and 1 day.")]
    public TimeSpan ApiTokenBlockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a cookie's security stamp check may be answered from memory. Sign-out on this node clears it at
    /// once; the delay only applies to a sign-out on another node.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Accounts:SecurityStampCacheDuration must be between 0 and 10 minutes.")]
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an open tab checks that its sign-in still stands. A sign-out on this node ends every tab at once;
    /// this bounds how long a tab outlives a sign-out on another node.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Accounts:CircuitRevalidationInterval must be between 1 second and 1 hour.")]
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
