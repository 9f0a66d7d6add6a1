using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Emulators.People;

/// <summary>Who is looking at an emulated page: a signed-in person, nobody (must sign in first), or anyone (single-tenant).</summary>
public sealed record Visitor(EmulatedPerson? Person, bool MustSignIn, string? SignInUrl, string? AppHomeUrl)
{
    /// <summary>True when the emulator serves one implicit person and every account and workspace is theirs.</summary>
    public bool SingleTenant => Person is null && !MustSignIn;

    /// <param name="returnUrl">Where to come back after signing in; the requested page when null (GET pages).</param>
    public static Visitor Of(HttpContext context, string? returnUrl = null)
    {
        if (context.RequestServices.GetService<IEmulatorPeople>() is not { } people) return new Visitor(null, false, null, null);
        var person = people.Current(context);
        returnUrl ??= context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        return new Visitor(person, person is null, person is null ? people.SignInUrl(returnUrl) : null, people.AppHomeUrl);
    }

    /// <summary>Whether an account or workspace with <paramref name="owner"/> is this visitor's.</summary>
    public bool Owns(string? owner) => SingleTenant || (Person is not null && owner == Person.Key);

    /// <summary>The answer to a visitor who must sign in: back to the host's sign-in page, returning here (GET only).</summary>
    public IResult SignIn() => Results.Redirect(SignInUrl ?? "/");
}
