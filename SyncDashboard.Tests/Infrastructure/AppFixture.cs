namespace SyncDashboard.Tests.Infrastructure;

/// <summary>One running app shared by a test collection; tests isolate themselves by creating their own users.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public AppHost App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await AppHost.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
