using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// Runs each test under the invariant culture: the components format days and months with the server's culture,
/// and "Tue 10 Mar" must read the same on every machine that runs the tests.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UseInvariantCultureAttribute : BeforeAfterTestAttribute
{
    private CultureInfo? _culture;
    private CultureInfo? _uiCulture;

    public override void Before(MethodInfo methodUnderTest)
    {
        (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = _culture!;
        CultureInfo.CurrentUICulture = _uiCulture!;
    }
}
