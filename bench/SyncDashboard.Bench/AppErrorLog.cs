using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Bench;

/// <summary>Counts the errors the app logs while a measurement runs, so a run that "passed" while the app was failing says so.</summary>
public sealed class AppErrorLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public int Count => _errors.Values.Sum();

    /// <summary>Distinct error texts (first line, exception message when there is one) with how often each came.</summary>
    public IReadOnlyList<string> Distinct() =>
        [.. _errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} x {e.Key}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(AppErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = exception is not null ? $"{exception.GetType().Name}: {exception.Message}" : formatter(state, exception).Split('\n')[0];
            if (text.Length > 160) text = text[..160] + "…";
            owner._errors.AddOrUpdate($"{category}: {text}", 1, (_, n) => n + 1);
        }
    }
}
