using SyncDashboard.Web;
using SyncDashboard.Web.Demo;

var app = SyncDashboardApp.Build(args);
await app.InitializeDatabaseAsync();
app.Run();
