using System.Diagnostics;
using System.Runtime;
using Microsoft.Playwright;

namespace SyncDashboard.Bench;

/// <summary>
/// (d) The app's memory with 20 dashboard pages open (20 interactive circuits of the demo user). The app runs in this
/// process, so its working set and GC heap are read here; chromium runs in its own processes and is not counted.
/// </summary>
public static class DashboardMemoryBench
{
    private const int Pages = 20;
    /// <summary>The page each tab opens: the dashboard by default; BENCH_MEMORY_PAGE=/calendar weighs the calendar.</summary>
    private static readonly string PagePath = Environment.GetEnvironmentVariable("BENCH_MEMORY_PAGE") is { Length: > 0 } p ? p : "/";
    private const float Timeout = 30_000;
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public static async Task RunAsync(Summary summary)
    {
        Console.WriteLine($"(d) App memory with {Pages} open pages of {PagePath} (demo user, one browser context, headless chromium)");
        var chromium = Repo.FindOnPath("chromium");
        if (chromium is null)
        {
            Console.WriteLine("  skipped: Debian's `chromium` is not on PATH (apt-get install -y chromium).");
            Console.WriteLine();
            summary.Add($"Memory with {Pages} dashboard pages: not measured (no chromium on PATH)");
            return;
        }

        await using var host = await BenchHost.StartAsync(demo: true);
        await Task.Delay(1000); // the demo user's Google connection runs right after start
        var idle = Measure();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), TimezoneId = "UTC", Locale = "en-US" });
        context.SetDefaultTimeout(Timeout);

        var clock = Stopwatch.StartNew();
        var first = await context.NewPageAsync();
        await first.GotoAsync("/account/login");
        await first.ClickAsync("[data-testid=demo-login]");
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        if (PagePath != "/") await first.GotoAsync(PagePath);
        await WaitForInteractiveAsync(first);
        var firstPageMs = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(500);
        var one = Measure();

        clock.Restart();
        for (var i = 1; i < Pages; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(PagePath);
            await WaitForInteractiveAsync(page);
        }
        var openMs = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(1000);
        var all = Measure();

        var perPageWs = (all.WorkingSet - one.WorkingSet) / (Pages - 1);
        var perPageHeap = (all.GcHeap - one.GcHeap) / (Pages - 1);
        var rows = new List<string[]>
        {
            new[] { "state", "working set", "GC heap (after full GC)" },
            new[] { "app started, no pages", Figures.Mb(idle.WorkingSet), Figures.Mb(idle.GcHeap) },
            new[] { "1 page (signed in, interactive)", Figures.Mb(one.WorkingSet), Figures.Mb(one.GcHeap) },
            new[] { $"{Pages} pages", Figures.Mb(all.WorkingSet), Figures.Mb(all.GcHeap) },
            new[] { "per page beyond the first", Figures.Mb(perPageWs), Figures.Mb(perPageHeap) },
        };
        Console.WriteLine(Figures.Table(rows));
        Console.WriteLine($"  GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} cores; sign-in to first interactive page {Figures.Ms(firstPageMs)}, " +
                          $"{Pages - 1} more tabs interactive in {Figures.Ms(openMs)} ({Figures.Ms(openMs / (Pages - 1))} each)");
        Console.WriteLine("  (the process also holds the bench's own Playwright client objects; chromium itself is a separate process)");
        host.ReportErrors();
        Console.WriteLine();
        summary.Add($"Memory with {Pages} pages of {PagePath}: working set {Figures.Mb(all.WorkingSet)} (idle {Figures.Mb(idle.WorkingSet)}), " +
                    $"GC heap {Figures.Mb(all.GcHeap)} (idle {Figures.Mb(idle.GcHeap)}); about {Figures.Mb(perPageHeap)} GC heap and {Figures.Mb(perPageWs)} working set per extra page");
    }

    /// <summary>Pages render statically first; the router focuses the h1 (tabindex=-1) on the first interactive render.</summary>
    private static Task WaitForInteractiveAsync(IPage page) => page.Locator("h1[tabindex='-1']").WaitForAsync(new() { Timeout = Timeout });

    private sealed record Memory(long WorkingSet, long GcHeap);

    private static Memory Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new Memory(process.WorkingSet64, heap);
    }
}
